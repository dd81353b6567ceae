import { z } from 'zod';
import { Enterprise } from './enterprise';
import { EiaApproval, MiningLicence, RecoveryApproval, SafetyFiling } from './permits';
import { LedgerMonth, ProductionPlan } from './production';
import { TaxRecord } from './tax';
import { TradeRecord } from './trade';

/**
 * Everything on file for one enterprise (its 生产经营档案): the input of the rules. A trade between
 * two listed enterprises is the same record in the seller's tradesOut and the buyer's tradesIn.
 */
export const EnterpriseDossier = z.object({
  enterprise: Enterprise,
  miningLicences: z.array(MiningLicence),
  eiaApprovals: z.array(EiaApproval),
  safetyFilings: z.array(SafetyFiling),
  recoveryApprovals: z.array(RecoveryApproval),
  plans: z.array(ProductionPlan),
  ledger: z.array(LedgerMonth),
  tradesIn: z.array(TradeRecord),
  tradesOut: z.array(TradeRecord),
  taxRecords: z.array(TaxRecord),
});
export type EnterpriseDossier = z.infer<typeof EnterpriseDossier>;

/**
 * All dossiers of a campaign, indexed once so that rules can follow suppliers and customers
 * without scanning. Treat it as immutable: rules cache analyses per dataset object.
 */
export interface CampaignDataset {
  readonly dossiers: readonly EnterpriseDossier[];
  readonly byCode: ReadonlyMap<string, EnterpriseDossier>;
  /** For ledger lines that name a partner without its code. */
  readonly byName: ReadonlyMap<string, EnterpriseDossier>;
}

export function buildDataset(dossiers: readonly EnterpriseDossier[]): CampaignDataset {
  const byCode = new Map<string, EnterpriseDossier>();
  const byName = new Map<string, EnterpriseDossier>();
  const sharedNames = new Set<string>();
  for (const dossier of dossiers) {
    const { code, name } = dossier.enterprise;
    if (byCode.has(code)) throw new Error(`two dossiers for enterprise ${code}`);
    byCode.set(code, dossier);
    if (byName.has(name)) sharedNames.add(name);
    else byName.set(name, dossier);
  }
  // A name two enterprises share identifies neither.
  for (const name of sharedNames) byName.delete(name);
  return { dossiers, byCode, byName };
}

/** The listed enterprise a ledger line or invoice means, if it can be told. */
export function resolvePartner(dataset: CampaignDataset, partner: { code?: string; name?: string } | undefined): EnterpriseDossier | undefined {
  if (partner?.code !== undefined) return dataset.byCode.get(partner.code);
  if (partner?.name !== undefined) return dataset.byName.get(partner.name);
  return undefined;
}

/** Flat records as intake or the database hold them. */
export interface CampaignRecords {
  enterprises: readonly Enterprise[];
  miningLicences?: readonly MiningLicence[];
  eiaApprovals?: readonly EiaApproval[];
  safetyFilings?: readonly SafetyFiling[];
  recoveryApprovals?: readonly RecoveryApproval[];
  plans?: readonly ProductionPlan[];
  ledger?: readonly LedgerMonth[];
  trades?: readonly TradeRecord[];
  taxRecords?: readonly TaxRecord[];
}

/** A dossier with nothing on file yet but the enterprise itself. */
export function emptyDossier(enterprise: Enterprise): EnterpriseDossier {
  return { enterprise, miningLicences: [], eiaApprovals: [], safetyFilings: [], recoveryApprovals: [], plans: [], ledger: [], tradesIn: [], tradesOut: [], taxRecords: [] };
}

/** A month of an enterprise's ledger for one product: every quantity nought unless given. */
export function ledgerMonth(row: Pick<LedgerMonth, 'enterpriseCode' | 'month' | 'product' | 'category'> & Partial<LedgerMonth>): LedgerMonth {
  const { enterpriseCode, month, product, category, ...quantities } = row;
  return { enterpriseCode, month, product, category, productionKgReo: 0, exportKgReo: 0, purchaseKgReo: 0, salesKgReo: 0, ...quantities };
}

/** Groups flat records into dossiers in one pass each; records of unlisted enterprises are dropped. */
export function assembleDossiers(records: CampaignRecords): EnterpriseDossier[] {
  const byCode = new Map<string, EnterpriseDossier>();
  const dossiers = records.enterprises.map((enterprise) => {
    const dossier = emptyDossier(enterprise);
    byCode.set(enterprise.code, dossier);
    return dossier;
  });
  for (const l of records.miningLicences ?? []) byCode.get(l.holderCode)?.miningLicences.push(l);
  for (const d of records.eiaApprovals ?? []) byCode.get(d.enterpriseCode)?.eiaApprovals.push(d);
  for (const d of records.safetyFilings ?? []) byCode.get(d.enterpriseCode)?.safetyFilings.push(d);
  for (const d of records.recoveryApprovals ?? []) byCode.get(d.enterpriseCode)?.recoveryApprovals.push(d);
  for (const p of records.plans ?? []) byCode.get(p.enterpriseCode)?.plans.push(p);
  for (const row of records.ledger ?? []) byCode.get(row.enterpriseCode)?.ledger.push(row);
  for (const t of records.taxRecords ?? []) byCode.get(t.enterpriseCode)?.taxRecords.push(t);
  for (const t of records.trades ?? []) {
    byCode.get(t.sellerCode)?.tradesOut.push(t);
    if (t.buyer.code !== undefined && t.buyer.code !== t.sellerCode) byCode.get(t.buyer.code)?.tradesIn.push(t);
  }
  return dossiers;
}

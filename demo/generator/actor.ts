import { type EnterpriseDossier, type LedgerMonth, type PartnerRef, type ProductCategory, ledgerMonth } from '../../domain/campaign';
import type { ProvinceInfo } from './fictional';

/** What an enterprise does in the supply chain; its type boxes follow from it. */
export type Role = 'mine' | 'smelter' | 'recycler' | 'trader' | 'exporter';

/** The violations planted directly; the others follow from them (see generate.ts). */
export type Plant =
  | 'illegalMining'
  | 'overQuotaMining'
  | 'productionWithoutPlan'
  | 'productionAbovePlan'
  | 'soldToUnplanned'
  | 'massBalanceGap'
  | 'offSiteInvoicing'
  | 'unexplainedSource'
  | 'noEiaApproval'
  | 'noSafetyFiling'
  | 'unapprovedByProductRecovery';

/** A consignment arriving in a buyer's month. */
export interface Lot {
  supplier: PartnerRef;
  product: string;
  category: ProductCategory;
  kgReo: number;
  /** Set on ore a trader takes in only to pass on to this smelter. */
  passOnTo?: Actor;
}

export interface Actor {
  serial: number;
  role: Role;
  province: ProvinceInfo;
  dossier: EnterpriseDossier;
  /** How others' ledgers name it. */
  ref: PartnerRef;
  /** What it produces (producers only). */
  product: string;
  /** Typical monthly output in kg REO (producers only). */
  baseKg: number;
  /** Separation yield in ‰ (smelters only). */
  yieldPermille: number;
  /** The one enterprise it sells to; fixed so that second-order findings are predictable. */
  customer?: Actor;
  /** The trader a mine planted with soldToUnplanned also sells to. */
  oreTrader?: Actor;
  hasInflow: boolean;
  plant?: Plant;
  /** Month indexes in which a time-limited plant acts. */
  plantMonths: ReadonlySet<number>;
  inbox: Lot[];
  /** Ledger production per year: plans and quotas are set against what the rules will read. */
  ledgerProductionByYear: Map<number, number>;
  maxMonthlyLedgerProduction: number;
  /** Years it holds a plan for, once papers are issued. */
  plannedYears: Set<number>;
  /** This month's invoiced sales and mined ore, for its tax record. */
  monthSalesFen: number;
  monthMinedKg: number;
}

export function ledgerRow(actor: Actor, month: string, product: string, category: ProductCategory, fields: Partial<LedgerMonth>): void {
  actor.dossier.ledger.push(ledgerMonth({ enterpriseCode: actor.dossier.enterprise.code, month, product, category, ...fields }));
}

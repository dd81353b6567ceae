import type { CampaignRecords, EnterpriseDossier } from './dossier';

/** The inverse of assembleDossiers: flat records, each trade once (it belongs to its seller). */
export function flattenDossiers(dossiers: readonly EnterpriseDossier[]): Required<CampaignRecords> {
  return {
    enterprises: dossiers.map((d) => d.enterprise),
    miningLicences: dossiers.flatMap((d) => d.miningLicences),
    eiaApprovals: dossiers.flatMap((d) => d.eiaApprovals),
    safetyFilings: dossiers.flatMap((d) => d.safetyFilings),
    recoveryApprovals: dossiers.flatMap((d) => d.recoveryApprovals),
    plans: dossiers.flatMap((d) => d.plans),
    ledger: dossiers.flatMap((d) => d.ledger),
    trades: dossiers.flatMap((d) => d.tradesOut),
    taxRecords: dossiers.flatMap((d) => d.taxRecords),
  };
}

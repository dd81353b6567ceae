import type { EnterpriseType } from '../enums';
import type { EiaApproval, RecoveryApproval, SafetyFiling } from '../campaign';
import { Coverage } from './coverage';
import type { ConditionAnswer, Evidence, HeldDocument, PermitKind } from './evidence';
import type { EnterpriseFacts } from './facts';
import type { FindingCode } from './findings';
import { heldLicences } from './mining';

export interface ConditionsAnswer {
  mining: ConditionAnswer;
  environmental: ConditionAnswer;
  safety: ConditionAnswer;
}

/** Enterprises with a production site; pure traders and exporters need neither EIA nor safety papers. */
const producingTypes: readonly EnterpriseType[] = ['mine', 'smelting', 'recycling'];

/**
 * Annex 3 question 3 (是否符合采矿、环保、安全生产条件（分述）), three separate answers. A paper must be on
 * file at all, and valid for every month of the window in which the enterprise produced: the mining
 * licence for mineral production (mines only; unlicensed mining by others is question 1), EIA
 * approval and safety filing for any production. A recycler's recovery project needs its approval
 * (section 一.(一)): it answers the mining part, the side of the plan that orders such projects to stop.
 */
export function checkConditions(facts: EnterpriseFacts): ConditionsAnswer {
  const types = facts.dossier.enterprise.types;
  const producing = producingTypes.some((t) => types.includes(t));
  const anyProductionMonths = facts.months.filter((m) => facts.production.mineral.has(m) || facts.production.smelted.has(m));
  const mineralMonths = facts.months.filter((m) => facts.production.mineral.has(m));
  const dossier = facts.dossier;
  return {
    mining: both(
      condition(types.includes('mine'), 'miningLicence', 'noMiningLicence', heldLicences(dossier.miningLicences), mineralMonths, facts),
      condition(types.includes('recycling'), 'recoveryApproval', 'unapprovedByProductRecovery', heldPermits(dossier.recoveryApprovals), anyProductionMonths, facts),
    ),
    environmental: condition(producing, 'eiaApproval', 'noEiaApproval', heldPermits(dossier.eiaApprovals), anyProductionMonths, facts),
    safety: condition(producing, 'safetyFiling', 'noSafetyFiling', heldPermits(dossier.safetyFilings), anyProductionMonths, facts),
  };
}

/** One answer for two papers of the same part: met only where each that applies is met. */
function both(a: ConditionAnswer, b: ConditionAnswer): ConditionAnswer {
  return { applicable: a.applicable || b.applicable, answer: a.answer && b.answer, evidence: [...a.evidence, ...b.evidence] };
}

function heldPermits(documents: readonly (EiaApproval | SafetyFiling | RecoveryApproval)[]): HeldDocument[] {
  return documents.map((d) => ({ documentNo: `${d.authority} ${d.documentNo}`, validFrom: d.issuedOn, validTo: d.expiresOn }));
}

function condition(
  applicable: boolean,
  document: PermitKind,
  code: FindingCode,
  held: HeldDocument[],
  requiredMonths: readonly string[],
  facts: EnterpriseFacts,
): ConditionAnswer {
  if (!applicable) return { applicable, answer: true, evidence: [] };
  const evidence: Evidence[] = [];
  if (held.length === 0) {
    evidence.push({ kind: 'documentMissing', code, document });
  } else {
    const coverage = new Coverage(held);
    for (const month of requiredMonths) {
      if (coverage.coversMonth(month, facts.days)) continue;
      const producedKgReo = (facts.production.mineral.get(month) ?? 0) + (document === 'miningLicence' ? 0 : (facts.production.smelted.get(month) ?? 0));
      evidence.push({ kind: 'monthNotCovered', code, document, month, producedKgReo, held });
    }
  }
  return { applicable, answer: evidence.length === 0, evidence };
}

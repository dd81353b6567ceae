import type { RuleResult } from '../domain/rules';
import type { RuleAnswers } from './data';

/** The rules' annex 3 answers without their evidence: what a report needs, small enough to pass around. */
export function ruleAnswersOf(result: RuleResult): RuleAnswers {
  const { annex3 } = result;
  const condition = (c: { applicable: boolean; answer: boolean }) => ({ applicable: c.applicable, met: c.answer });
  return {
    enterpriseCode: result.enterpriseCode,
    illegalOrOverQuotaMining: annex3.illegalOrOverQuotaMining.answer,
    boughtIllegalOre: annex3.boughtIllegalOre.answer,
    conditions: {
      mining: condition(annex3.conditions.mining),
      environmental: condition(annex3.conditions.environmental),
      safety: condition(annex3.conditions.safety),
    },
    productionWithoutOrAbovePlan: annex3.productionWithoutOrAbovePlan.answer,
    soldOreToUnplanned: annex3.soldOreToUnplanned.answer,
    findings: result.findings,
  };
}

import type { typicalReasonLabels } from '../domain/labels';
import type { DispositionRecord } from './data';
import { carriedOut } from './measures';

export type TypicalReason = keyof typeof typicalReasonLabels;

/**
 * 典型案件. The plan asks each key region for 2–3 typical cases and has them publicised (一.(五),
 * 三.(三)) without saying what makes one typical. The reports count a case as typical when MIIT has
 * put it under supervision (挂牌督办, its mark of a serious case), or when it has been transferred to
 * public security as a suspected crime (the transferToPublicSecurity measure carried out). This is
 * the one place that decides it.
 */
export function typicalReasons(supervised: boolean, dispositions: readonly DispositionRecord[]): TypicalReason[] {
  const reasons: TypicalReason[] = [];
  if (supervised) reasons.push('supervised');
  if (dispositions.some((d) => d.disposition === 'transferToPublicSecurity' && carriedOut(d.status))) reasons.push('transferredToPublicSecurity');
  return reasons;
}

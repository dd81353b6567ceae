import { z } from 'zod';
import { DispositionCode, escalationSteps, ViolationCode } from '../catalogue';
import { keysOf } from '../enums';

/**
 * What a finding, a measure or an escalation on a case's timeline is about, as codes, for pages to
 * put in the reader's words (domain/labels/timeline.ts). The entry's summary keeps its own text.
 */
export const TimelineDetail = z.union([
  z.object({ violation: ViolationCode }),
  z.object({ measure: DispositionCode, status: z.string() }),
  z.object({ step: z.enum(keysOf(escalationSteps)), to: z.array(z.string()) }),
]);
export type TimelineDetail = z.infer<typeof TimelineDetail>;

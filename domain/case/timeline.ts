import { z } from 'zod';
import { DispositionCode, escalationSteps, transferOutcomes, ViolationCode } from '../catalogue';
import { ActingAgency, CasePhase, keysOf } from '../enums';

/** What an export trace found, as a case on its chain is told it. */
export const TraceFigures = z.object({ traceCaseId: z.string(), exportedKg: z.number(), links: z.number(), untracedKg: z.number(), illegalKg: z.number() });
export type TraceFigures = z.infer<typeof TraceFigures>;

/**
 * What a timeline entry is about, as codes and figures, for pages to put in the reader's words
 * (domain/labels/timeline.ts): a finding, a measure, an escalation, the phase, reports submitted
 * (their official titles), supervision, a trace, the rule checks, a transfer's opening and end, a
 * referral to discipline inspection, a completion not recorded. The entry's summary keeps its own
 * text, for the Temporal Web UI and entries recorded before it had a detail; a task's own entries
 * are in its title's words, as the task list shows it.
 */
export const TimelineDetail = z.union([
  z.object({ violation: ViolationCode }),
  z.object({ measure: DispositionCode, status: z.string() }),
  z.object({ step: z.enum(keysOf(escalationSteps)), to: z.array(z.string()) }),
  z.object({ phase: CasePhase }),
  z.object({ submitted: z.array(z.string()) }),
  z.object({ supervised: z.literal(true), inspectionId: z.string().optional() }),
  z.object({ traced: TraceFigures }),
  z.object({ ruleFindings: z.array(ViolationCode) }),
  z.object({ notInArchive: z.literal(true) }),
  z.object({ transferOpened: ActingAgency }),
  z.object({ transferEnded: ActingAgency, outcome: z.enum([...transferOutcomes, 'withdrawn']) }),
  z.object({ referredToDisciplineInspection: z.literal(true) }),
  z.object({ notRecorded: z.string() }),
]);
export type TimelineDetail = z.infer<typeof TimelineDetail>;

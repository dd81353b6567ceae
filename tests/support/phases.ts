import { calendar2014, type PhaseEnds } from '../../domain/campaignClock';
import type { CasePhase } from '../../domain/enums';
import { caseViewQuery, phaseChangedSignal } from '../../workflows/caseMessages';
import type { Harness } from './harness';
import { waitFor } from './waitFor';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A calendar starting today in real time: its first phase ends at 24:00 Beijing time two days from
 * now, so no task falls due and no phase ends during a test, which moves the cases itself.
 */
export const calendarFromToday = () => ({
  selfInspection: { from: day(0), to: day(2) },
  rectification: { from: day(3), to: day(5) },
  acceptance: { from: day(6), to: day(8) },
  reviewWindow: calendar2014.reviewWindow,
});

/** Moves a case into `phase` with the signal its campaign sends at the boundary, and waits until it is there. */
export async function enterPhase(h: Harness, phaseEnds: PhaseEnds, caseId: string, phase: Exclude<CasePhase, 'selfInspection'>): Promise<void> {
  const handle = h.client.workflow.getHandle(caseId);
  await handle.signal(phaseChangedSignal, { phase, endsAt: phase === 'closed' ? undefined : phaseEnds[phase] });
  await waitFor(`${caseId} in ${phase}`, async () => ((await handle.query(caseViewQuery)).phase === phase ? true : undefined));
}

/**
 * The queue of the activities a person's request waits on (a completion's write, a cancellation, a
 * referral's routing, a tip's outcome): every worker polls it beside its own queue, with slots of
 * its own, so that these never wait behind the bulk work of cases (rule checks, task creation,
 * emails, reports) that a campaign's start or a phase boundary puts on the shared queue.
 */
export const updateWritesQueueOf = (taskQueue: string): string => `${taskQueue}-update-writes`;

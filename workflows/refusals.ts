import { ApplicationFailure } from '@temporalio/common';

/**
 * Every way a workflow refuses an update, with the HTTP status the API answers it with. A refusal
 * is the client's to act on (a task already done, a tip already triaged), never a server fault:
 * stating each type here once, beside its status, is what keeps a new one from answering 500.
 */
export const refusalStatus = {
  TaskNotFound: 404,
  TaskNotOpen: 409,
  InvalidEnterprise: 400,
  CampaignClosed: 409,
  CompletionNotRecorded: 422,
  ReferralNotInState: 409,
  TipTriaged: 409,
  TipWithoutProvince: 422,
  CaseNotRunning: 409,
} as const;
export type RefusalType = keyof typeof refusalStatus;

export const refusal = (type: RefusalType, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

export const isRefusalType = (type: string | undefined | null): type is RefusalType => type != null && Object.hasOwn(refusalStatus, type);

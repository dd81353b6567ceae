import { useQuery } from '@tanstack/react-query';
import type { ReferralAcceptance, ReferralRouting, ReferralSource, ReferralState, ReferralSubmission } from '../../domain/referral';
import type { TipSubmission, TipTriage } from '../../domain/tip';
import { api, query } from './api';

/** Cross-province referrals and tip-offs as GET /referrals and GET /tips answer them (api/referrals.ts, api/tips.ts). */

export interface ReferralItem {
  id: string;
  campaignId: string;
  state: ReferralState;
  fromProvince: string;
  toProvince?: string;
  counterpart: { name: string; code?: string };
  facts: string;
  source: ReferralSource;
  reportedAt: string;
  closedReason?: string;
  result?: { action?: string; enterpriseCode?: string; caseId?: string };
}

export interface TipItem {
  id: string;
  source: string;
  text: string;
  enterpriseCode?: string;
  province?: string;
  receivedAt: string;
  recordedBy: string;
  outcome?: { action?: string; caseId?: string; referralId?: string; reason?: string };
  triagedAt?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ListPage {
  open?: boolean;
  page: number;
  pageSize: number;
}

// New referrals and tips come from other people's work: the lists follow them as the inbox does its tasks.
function useListOf<T>(path: '/referrals' | '/tips', list: ListPage) {
  return useQuery({
    queryKey: [path.slice(1), list],
    queryFn: () => api<Page<T>>(`${path}${query({ ...list })}`),
    placeholderData: (previous) => previous,
    refetchInterval: 10_000,
  });
}

export const useReferrals = (list: ListPage) => useListOf<ReferralItem>('/referrals', list);
export const useTips = (list: ListPage) => useListOf<TipItem>('/tips', list);

/** The coordinators' decisions; each is taken once, the referral's or tip's state refusing a second with 409. */
export const reportReferral = (body: ReferralSubmission, idempotencyKey: string) => api('/referrals', { method: 'POST', body, idempotencyKey });
export const routeReferral = (id: string, body: ReferralRouting) => api(`/referrals/${encodeURIComponent(id)}/route`, { method: 'POST', body });
export const acceptReferral = (id: string, body: ReferralAcceptance) => api(`/referrals/${encodeURIComponent(id)}/accept`, { method: 'POST', body });
export const triageTip = (id: string, body: TipTriage) => api(`/tips/${encodeURIComponent(id)}/triage`, { method: 'POST', body });
export const submitTip = (body: TipSubmission, idempotencyKey: string) => api('/tips', { method: 'POST', body, idempotencyKey });

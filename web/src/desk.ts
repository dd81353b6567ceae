import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EscalationStep } from '../../domain/catalogue';
import type { TimelineDetail } from '../../domain/case/timeline';
import type { CasePhase, EnterpriseType } from '../../domain/enums';
import type { ReportKind } from '../../domain/reportKinds';
import type { SummaryFigures } from '../../reports/summary';
import { api, query } from './api';

/** The coordinators' desk: cases, a case, the progress figures, reports and imports as the API answers them. */


/** A line of a case's timeline, as GET /cases/:id answers it (api/cases.ts). */
export interface TimelineEntryView {
  at: string;
  /** The campaign day. */
  on: string;
  kind: string;
  actor: string;
  summary: string;
  taskKey?: string;
  detail?: TimelineDetail;
}

/** A row of GET /cases (api/cases.ts). */
export interface CaseSummary {
  caseId: string;
  status: string;
  enterpriseName?: string;
  phase?: CasePhase;
  caseStatus?: 'open' | 'closed' | 'overdue';
  openTaskCount: number;
  overdueTaskCount: number;
  enterpriseTypes: EnterpriseType[];
  violations: string[];
  supervised: boolean;
  webUiUrl?: string;
}

export interface CaseFilters {
  province?: string;
  phase?: CasePhase;
  caseStatus?: 'open' | 'closed' | 'overdue';
  supervised?: boolean;
  violation?: string;
  enterpriseType?: EnterpriseType;
  overdue?: boolean;
  q?: string;
}

/** case/<campaign>/<province>/<credit code> */
export function caseParts(caseId: string): { campaignId: string; province: string; code: string } {
  const [, campaignId = '', province = '', code = ''] = caseId.split('/');
  return { campaignId, province, code };
}

export const casePath = (caseId: string) => `/ui/cases/${encodeURIComponent(caseId)}`;

export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: ['cases', filters],
    queryFn: () => api<{ items: CaseSummary[] }>(`/cases${query({ ...filters })}`),
    placeholderData: (previous) => previous,
  });
}

export interface CaseTask {
  key: string;
  kind: string;
  agencyKind: string;
  phase: CasePhase;
  title: string;
  dueAt: string;
  status: 'open' | 'completed' | 'cancelled';
  overdue: boolean;
  escalations: string[];
  createdOn: string;
  dueOn: string;
  completedOn?: string;
}

export interface CaseDetail {
  caseId: string;
  campaignId: string;
  province: string;
  enterprise: { code: string; name: string; types?: EnterpriseType[] };
  phase: CasePhase;
  status: 'open' | 'closed' | 'overdue';
  supervised: boolean;
  tasks: CaseTask[];
  timeline: TimelineEntryView[];
  dispositions: { id: string; disposition: string; agencyKind: string; dueDate: string; status: string; unfinishedReason: string | null; newCompletionDate: string | null }[];
  reports: { id: string; kind: ReportKind; title: string; draft: boolean; generatedAt: string }[];
}

/** `awaitSupervision`: a supervision was just asked for; the signal lands in the case a moment later, so ask again until it shows. */
export function useCase(caseId: string, awaitSupervision = false) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: () => api<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`),
    refetchInterval: (q) => (awaitSupervision && q.state.data?.supervised === false ? 1_000 : false),
  });
}

/** 挂牌督办 (MIIT): the campaign workflow takes the signal, the case shows it once the query answers so. */
export function useSupervise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) => {
      const { campaignId, province, code } = caseParts(caseId);
      return api<{ caseId: string; supervised: true }>(`/campaigns/${encodeURIComponent(campaignId)}/provinces/${encodeURIComponent(province)}/cases/${encodeURIComponent(code)}/supervise`, { method: 'POST' });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['case'] }),
  });
}

export function useCancelTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, reason, idempotencyKey }: { key: string; reason: string; idempotencyKey: string }) =>
      api<unknown>(`/tasks/${encodeURIComponent(key)}/cancel`, { method: 'POST', body: { reason }, idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['case'] }),
  });
}

export interface DashboardData {
  campaignId: string;
  province: string | null;
  generatedAt: string;
  figures: SummaryFigures;
  casesByPhase: Partial<Record<CasePhase, number>>;
  escalationsByWeek: { weekFrom: string; steps: Partial<Record<EscalationStep, number>> }[];
  phases: { province: string; phase: CasePhase; endsOn: string | null; daysLeft: number | null }[];
}

export function useDashboard(campaign: string | undefined, province: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', campaign, province],
    enabled: campaign !== undefined,
    queryFn: () => api<DashboardData>(`/dashboard${query({ campaign, province })}`),
  });
}

/** The campaigns the caller's cases belong to: the API lists cases, not campaigns. */
export function useCampaignIds() {
  const cases = useCases({});
  const ids = [...new Set((cases.data?.items ?? []).map((c) => caseParts(c.caseId).campaignId))].sort();
  return { ids, isPending: cases.isPending };
}

export interface StoredReport {
  id: string;
  campaignId: string;
  province: string | null;
  kind: ReportKind;
  title: string;
  boundary: Exclude<CasePhase, 'closed'> | null;
  draft: boolean;
  generatedAt: string;
  generatedBy: string;
  openTasks: number;
  files: Partial<Record<'xlsx' | 'csv' | 'json' | 'html' | 'pdf', { file: string; bytes: number }>>;
}

export function useReports(filters: { campaign?: string; province?: string; draft?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['reports', filters],
    queryFn: () => api<{ items: StoredReport[]; total: number }>(`/reports${query({ ...filters })}`),
    placeholderData: (previous) => previous,
  });
}

export function useDraftReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, province, kind }: { campaign: string; province: string | null; kind: ReportKind }) =>
      api<StoredReport>(province === null ? `/campaigns/${encodeURIComponent(campaign)}/reports` : `/campaigns/${encodeURIComponent(campaign)}/provinces/${encodeURIComponent(province)}/reports`, {
        method: 'POST',
        body: { kind },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export const reportFileUrl = (id: string, format: string) => `/reports/${encodeURIComponent(id)}/${format}`;

import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, query } from './api';
import type { Me } from './session';

/** A task as GET /tasks and GET /tasks/:key answer (api/tasks.ts). */
export interface Task {
  key: string;
  caseId: string;
  campaignId: string;
  kind: 'verification' | 'handlingPlan' | 'disposition' | 'acceptance';
  agency: string;
  province: string;
  enterpriseCode: string;
  title: string;
  createdAt: string;
  dueAt: string;
  createdOn: string;
  dueOn: string;
  status: 'open' | 'completed' | 'cancelled';
  overdue: boolean;
  assignee: { staffId: string; name?: string; email?: string } | null;
}

export interface TaskDetail extends Task {
  evidence: unknown;
  completion: unknown;
  enterprise: { code: string; name: string; types: string[]; provinceName: string } | null;
}

export interface TaskFilters {
  status?: Task['status'];
  overdue?: boolean;
  assignee?: 'me';
  page: number;
  pageSize: number;
}

/** No slower than 10 s: new and changed tasks show up without a reload. */
export const TASK_POLL_MS = 10_000;

export function useTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: ['tasks', filters],
    queryFn: () => api<{ items: Task[]; total: number; page: number; pageSize: number }>(`/tasks${query({ ...filters })}`),
    refetchInterval: TASK_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

export function useTask(key: string) {
  return useQuery({ queryKey: ['task', key], queryFn: () => api<TaskDetail>(`/tasks/${encodeURIComponent(key)}`) });
}

/** Roles that claim and release their agency's tasks (domain/access.ts claimsTask); the list and task page show them nothing else. */
export const claims = (me: Me) => me.role === 'staff' || me.role === 'agencyHead';
/** Roles that hand a task to someone (domain/access.ts assignsTask): within the scope their list already has. */
export const assigns = (me: Me) => me.role === 'agencyHead' || me.role === 'provincialCoordinator' || me.role === 'miitCoordinator';

/**
 * Who does a task: claim (take it on myself) or release (hand it back), POST /tasks/:key/claim and
 * /release; or, for those who assign, a named colleague (null: nobody), POST /tasks/:key/assign.
 */
export function useAssign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { key: string } & ({ action: 'claim' | 'release' } | { action: 'assign'; staffId: string | null })) =>
      api<Task>(`/tasks/${encodeURIComponent(change.key)}/${change.action}`, { method: 'POST', body: change.action === 'assign' ? { staffId: change.staffId } : undefined }),
    onSettled: (_task, _error, change) => {
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['task', change.key] });
    },
  });
}

export interface Assignee {
  staffId: string;
  name: string;
  email: string;
  role: 'staff' | 'agencyHead';
}

/** The colleagues a task may go to: GET /tasks/:key/assignees, asked only by those who assign. */
export function useAssignees(key: string, enabled: boolean) {
  return useQuery({ queryKey: ['assignees', key], enabled, queryFn: () => api<{ items: Assignee[] }>(`/tasks/${encodeURIComponent(key)}/assignees`), staleTime: 60_000 });
}

/**
 * New and changed tasks without a reload: each event of GET /events (server-sent, scoped by the
 * server to what I may see) refetches the lists and that task. Polling stays as the fallback when
 * the stream is down (a 503 ends it; EventSource reconnects on its own otherwise).
 */
export function useTaskEvents() {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/events', { withCredentials: true });
    source.addEventListener('task', (event) => {
      const { key } = JSON.parse((event as MessageEvent<string>).data) as { key: string };
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['task', key] });
    });
    return () => source.close();
  }, [client]);
}

/** Within a day of its due time and not yet past it. */
export type Urgency = 'overdue' | 'dueSoon' | 'onTime';
/**
 * The tag colour of each urgency. Due soon is a solid dark orange: antd's light orange tag puts
 * orange text on cream at 3.4:1, short of WCAG AA's 4.5:1 (white on #ad4e00 is 6.6:1).
 */
export const urgencyColours = { overdue: 'red', dueSoon: '#ad4e00', onTime: 'default' } as const satisfies Record<Urgency, string>;

export function urgencyOf(task: Pick<Task, 'status' | 'overdue' | 'dueAt'>, now = dayjs()): Urgency {
  if (task.overdue) return 'overdue';
  return task.status === 'open' && dayjs(task.dueAt).diff(now, 'hour') < 24 ? 'dueSoon' : 'onTime';
}

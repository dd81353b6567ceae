import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from './api';

/** A task as GET /tasks and GET /tasks/:key answer (api/tasks.ts). */
export interface Task {
  key: string;
  caseId: string;
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

/** Assign (a head: to me or a colleague) or release (null): POST /tasks/:key/assign. */
export function useAssign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, staffId }: { key: string; staffId: string | null }) => api<Task>(`/tasks/${encodeURIComponent(key)}/assign`, { method: 'POST', body: { staffId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

/** Within a day of its due time and not yet past it. */
export type Urgency = 'overdue' | 'dueSoon' | 'onTime';
export function urgencyOf(task: Pick<Task, 'status' | 'overdue' | 'dueAt'>, now = dayjs()): Urgency {
  if (task.overdue) return 'overdue';
  return task.status === 'open' && dayjs(task.dueAt).diff(now, 'hour') < 24 ? 'dueSoon' : 'onTime';
}

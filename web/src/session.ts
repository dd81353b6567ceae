import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, rememberCsrfToken } from './api';

/** The signed-in person as GET /auth/me and POST /auth/sign-in answer (api/signIn.ts). */
export interface Me {
  staffId: string;
  name: string;
  email: string;
  role: 'staff' | 'agencyHead' | 'provincialCoordinator' | 'miitCoordinator' | 'disciplineInspection' | 'administrator';
  province: string | null;
  /** Whether POST /imports takes this person's annex 1 and 2 files (domain/access.ts says who). */
  mayImportRecords: boolean;
  csrfToken?: string;
}

/** Who is signed in; null when nobody is (a 401). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('/auth/me');
        rememberCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Me>('/auth/sign-in', { method: 'POST', body }),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken);
      client.setQueryData(['me'], me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/sign-out', { method: 'POST' }),
    onSuccess: () => {
      rememberCsrfToken(undefined);
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}

/** Whether the server offers sign-in with an identity provider: a meta tag api/webApp.ts writes. */
export const oidcConfigured = () => document.querySelector<HTMLMetaElement>('meta[name="campaign-oidc"]')?.content === 'on';

/** The coordinators' desk (cases, progress, reports) is theirs: api/cases.ts, api/dashboard.ts and api/reports.ts. */
export const isCoordinator = (me: Me) => me.role === 'provincialCoordinator' || me.role === 'miitCoordinator';
/** api/imports.ts and api/directory.ts decide; the page offers the directory file to administrators. */
export const importsFiles = (me: Me) => me.mayImportRecords || me.role === 'administrator';

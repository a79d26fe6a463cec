import type { FirstAdminRequest, LoginRequest, SessionResponse, SetupStatus, User } from '@parley/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../lib/api.ts';

export const sessionKey = ['session'] as const;
export const setupKey = ['setup'] as const;

/** Stores the session (or its absence) where every screen and the API client read it. */
export function applySession(queryClient: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionKey, session);
}

/**
 * Forgets everything this browser showed for the signed-out user. The session (now null) and the
 * setup status stay in the cache: removing them would leave mounted screens observing queries
 * that no longer exist, stuck loading.
 */
export function signOutLocally(queryClient: QueryClient): void {
  applySession(queryClient, null);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== sessionKey[0] && query.queryKey[0] !== setupKey[0],
  });
}

/** Replaces the signed-in user in the session (after a change to their own record). */
export function updateSessionUser(queryClient: QueryClient, update: (user: User) => User): void {
  queryClient.setQueryData<SessionResponse | null>(sessionKey, (session) =>
    session ? { ...session, user: update(session.user) } : session,
  );
}

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/auth/session', { allowUnauthenticated: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session, or null when signed out. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<SetupStatus>('/api/setup', { allowUnauthenticated: true }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) =>
      api.post<SessionResponse>('/api/auth/login', body, { allowUnauthenticated: true }),
    onSuccess: (session) => applySession(queryClient, session),
    meta: { inlineError: true },
  });
}

export function useCreateFirstAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FirstAdminRequest) => api.post<SessionResponse>('/api/setup/first-admin', body),
    onSuccess: (session) => {
      queryClient.setQueryData<SetupStatus>(setupKey, { needsFirstAdmin: false });
      applySession(queryClient, session);
    },
    meta: { inlineError: true },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    // Whatever the server says, this browser is signed out: drop every cached screen.
    onSettled: () => signOutLocally(queryClient),
  });
}

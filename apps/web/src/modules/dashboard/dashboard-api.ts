import type { Dashboard } from '@parley/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useRealtimeEvent } from '../../lib/realtime.tsx';

export const dashboardKey = ['dashboard'] as const;

/**
 * The supervisor dashboard, kept live: `dashboard.changed` (sent at most once a second) refetches
 * it; an availability change is patched in at once so the status and its clock move without delay.
 * A socket reconnect refetches every active query (RealtimeProvider).
 */
export function useLiveDashboard() {
  const queryClient = useQueryClient();
  useRealtimeEvent('dashboard.changed', () => void queryClient.invalidateQueries({ queryKey: dashboardKey }));
  useRealtimeEvent('user.availability_changed', ({ payload }) => {
    queryClient.setQueryData<Dashboard>(dashboardKey, (data) =>
      data
        ? {
            ...data,
            agents: data.agents.map((a) =>
              a.userId === payload.userId
                ? { ...a, availability: payload.availability, availabilityChangedAt: payload.changedAt }
                : a,
            ),
          }
        : data,
    );
    void queryClient.invalidateQueries({ queryKey: dashboardKey });
  });
  return useQuery({
    queryKey: dashboardKey,
    queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboard', { signal }),
    staleTime: 0,
  });
}

import type { Availability, TeamList, TeamMember, User } from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useRealtimeEvent } from '../../lib/realtime.tsx';
import { updateSessionUser, useSession } from '../auth/session.ts';

export const teamKey = ['team'] as const;

export function useTeam() {
  return useQuery({ queryKey: teamKey, queryFn: () => api.get<TeamList>('/api/team') });
}

/** Sets the signed-in user's own availability (profile menu). */
export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (availability: Availability) => api.put<User>('/api/me/availability', { availability }),
    onSuccess: (user) => {
      updateSessionUser(queryClient, () => user);
      patchTeamMember(queryClient, user.id, {
        availability: user.availability,
        availabilityChangedAt: user.availabilityChangedAt,
      });
    },
  });
}

function patchTeamMember(
  queryClient: ReturnType<typeof useQueryClient>,
  userId: string,
  patch: Partial<TeamMember>,
): void {
  const list = queryClient.getQueryData<TeamList>(teamKey);
  if (!list) return;
  if (!list.items.some((m) => m.id === userId)) {
    // Someone we have not seen yet (a new colleague): fetch the board again.
    void queryClient.invalidateQueries({ queryKey: teamKey });
    return;
  }
  queryClient.setQueryData<TeamList>(teamKey, {
    items: list.items.map((m) => (m.id === userId ? { ...m, ...patch } : m)),
  });
}

/**
 * Keeps the team board and the signed-in user current from realtime events. Mounted once in the
 * shell, so the cache is fresh whichever screen is open.
 */
export function useTeamRealtime(): void {
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const myId = session?.user.id;

  useRealtimeEvent('user.availability_changed', ({ payload }) => {
    const patch = { availability: payload.availability, availabilityChangedAt: payload.changedAt };
    patchTeamMember(queryClient, payload.userId, patch);
    if (payload.userId === myId) updateSessionUser(queryClient, (user) => ({ ...user, ...patch }));
  });

  useRealtimeEvent('user.updated', ({ payload: user }) => {
    if (!user.enabled) {
      void queryClient.invalidateQueries({ queryKey: teamKey });
    } else {
      patchTeamMember(queryClient, user.id, {
        displayName: user.displayName,
        roles: user.roles,
        availability: user.availability,
        availabilityChangedAt: user.availabilityChangedAt,
      });
    }
    if (user.id === myId) updateSessionUser(queryClient, () => user);
  });
}

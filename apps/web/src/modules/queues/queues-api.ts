import type {
  AgentCapacity,
  AgentCapacityList,
  Queue,
  QueueSettingsResponse,
  UpdateQueueSettingsRequest,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { queuesKey } from '../workspace/conversation/conversation-api.ts';

// The queue list query is the workspace's (`useQueues`), so a change here refreshes its pickers too.

const settingsKey = (id: string) => ['queues', 'settings', id] as const;
export const capacitiesKey = ['agent-capacities'] as const;

export function useQueueSettings(id: string | null) {
  return useQuery({
    queryKey: settingsKey(id ?? ''),
    queryFn: ({ signal }) => api.get<QueueSettingsResponse>(`/api/queues/${id}/settings`, { signal }),
    enabled: id !== null,
  });
}

/** Agents with their capacity (the member choices and the capacity overrides). */
export function useAgentCapacities() {
  return useQuery({
    queryKey: capacitiesKey,
    queryFn: ({ signal }) => api.get<AgentCapacityList>('/api/agent-capacities', { signal }),
  });
}

function useQueueMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queuesKey }),
  });
}

export const useCreateQueue = () =>
  useQueueMutation((name: string) => api.post<Queue>('/api/queues', { name }));
export const useRenameQueue = () =>
  useQueueMutation(({ id, name }: { id: string; name: string }) =>
    api.patch<Queue>(`/api/queues/${id}`, { name }),
  );
export const useDeleteQueue = () => useQueueMutation((id: string) => api.delete<void>(`/api/queues/${id}`));
export const useSetQueueMembers = () =>
  useQueueMutation(({ id, userIds }: { id: string; userIds: string[] }) =>
    api.put<Queue>(`/api/queues/${id}/members`, { userIds }),
  );
export const useUpdateQueueSettings = () =>
  useQueueMutation(({ id, body }: { id: string; body: UpdateQueueSettingsRequest }) =>
    api.patch<QueueSettingsResponse>(`/api/queues/${id}/settings`, body),
  );

export function useSetAgentCapacity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, capacity }: { userId: string; capacity: number | null }) =>
      api.put<AgentCapacity>(`/api/agent-capacities/${userId}`, { capacity }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: capacitiesKey }),
  });
}

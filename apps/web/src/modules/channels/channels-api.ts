import type {
  ChannelConnection,
  ChannelConnectionList,
  ConnectionTestResult,
  CreateChannelConnectionRequest,
  UpdateChannelConnectionRequest,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const connectionsKey = ['channel-connections'] as const;

export function useConnections() {
  return useQuery({
    queryKey: connectionsKey,
    queryFn: ({ signal }) => api.get<ChannelConnectionList>('/api/channel-connections', { signal }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['channel-connections'] });
}

export function useCreateConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateChannelConnectionRequest) =>
      api.post<ChannelConnection>('/api/channel-connections', body),
    onSuccess: invalidate,
  });
}

export function useUpdateConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateChannelConnectionRequest }) =>
      api.patch<ChannelConnection>(`/api/channel-connections/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (id: string) => api.post<ConnectionTestResult>(`/api/channel-connections/${id}/test`),
  });
}

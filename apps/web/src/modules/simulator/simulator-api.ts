import type { SimulateMessageRequest, SimulatorConnectionList, SimulatorTranscript } from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const simulatorKey = ['simulator'] as const;
/** The customer's device checks for the desk's replies and their ticks this often (ms). */
export const TRANSCRIPT_REFRESH_MS = 1500;

export function useSimulatorConnections() {
  return useQuery({
    queryKey: [...simulatorKey, 'connections'],
    queryFn: ({ signal }) => api.get<SimulatorConnectionList>('/api/simulator/connections', { signal }),
  });
}

/** The played customer's messages and the desk's replies on one route, refreshed while shown. */
export function useSimulatorTranscript(connectionId: string | null, customerAddress: string) {
  const params = new URLSearchParams({ connectionId: connectionId ?? '', customerAddress });
  return useQuery({
    queryKey: [...simulatorKey, 'transcript', connectionId, customerAddress],
    queryFn: ({ signal }) => api.get<SimulatorTranscript>(`/api/simulator/transcript?${params}`, { signal }),
    enabled: connectionId !== null && customerAddress.trim() !== '',
    refetchInterval: TRANSCRIPT_REFRESH_MS,
    retry: false,
  });
}

export function useSimulateMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SimulateMessageRequest) => api.post<void>('/api/simulator/messages', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...simulatorKey, 'transcript'] }),
  });
}

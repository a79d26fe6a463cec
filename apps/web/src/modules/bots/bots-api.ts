import type { Bot, BotList, CreatedBot, SaveBotRequest } from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const botsKey = ['bots'] as const;

export function useBots() {
  return useQuery({ queryKey: botsKey, queryFn: ({ signal }) => api.get<BotList>('/api/bots', { signal }) });
}

function useBotMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: botsKey }),
    meta: { inlineError: true },
  });
}

/** Creating a webhook bot answers its signing secret, once. */
export const useCreateBot = () =>
  useBotMutation((body: SaveBotRequest) => api.post<CreatedBot>('/api/bots', body));
export const useUpdateBot = () =>
  useBotMutation(({ id, body }: { id: string; body: SaveBotRequest }) =>
    api.put<Bot>(`/api/bots/${id}`, body),
  );
export const useDeleteBot = () => useBotMutation((id: string) => api.delete<void>(`/api/bots/${id}`));

import type { ChannelSenderList, Conversation, CreateConversationRequest } from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { conversationListsKey } from '../conversations-api.ts';

/** Our enabled channels and senders (no settings or secrets), which agents may start conversations on. */
export function useChannelSenders(enabled: boolean) {
  return useQuery({
    queryKey: ['channel-connections', 'senders'],
    queryFn: ({ signal }) => api.get<ChannelSenderList>('/api/channel-connections/senders', { signal }),
    enabled,
  });
}

/** The agent's "+": creates the conversation, assigned to them, and sends the first message. */
export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConversationRequest) => api.post<Conversation>('/api/conversations', body),
    meta: { inlineError: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: conversationListsKey }),
  });
}

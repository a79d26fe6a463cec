import type {
  ChannelSenderList,
  Conversation,
  CreateConversationRequest,
  CustomerPage,
} from '@parley/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { conversationListsKey } from '../conversations-api.ts';

/** Customers whose name or destination matches `q` (the first page is enough for a picker). */
export function useCustomerSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: ({ signal }) =>
      api.get<CustomerPage>(`/api/customers?${new URLSearchParams({ q, limit: '10' })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

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

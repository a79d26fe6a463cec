import type {
  Conversation,
  ConversationListItem,
  Page,
  ReplyRoute,
  ReplyRouteList,
  ReplyRouteOption,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { customerKey } from '../../customers/customers-api.ts';
import { conversationListsKey } from '../conversations-api.ts';
import { conversationKey } from './conversation-api.ts';
import { timelineKey } from './timeline-cache.ts';

// D2 omnichannel in the conversation view: the composer's "change channel" and "Merge…".

export const replyRoutesKey = (id: string) => ['conversation', id, 'reply-routes'] as const;

const routeText = (r: ReplyRoute) => JSON.stringify([r.channel, r.ourAddress, r.customerAddress]);
export const sameRoute = (a: ReplyRoute, b: ReplyRoute) => routeText(a) === routeText(b);

/** Only the route's own fields, as the send request takes them. */
export const asRoute = (o: ReplyRoute): ReplyRoute => ({
  channel: o.channel,
  ourAddress: o.ourAddress,
  customerAddress: o.customerAddress,
});

/**
 * The routes a reply may take and the one it will take: the agent's choice while it is still
 * offered and free, else the server's default (the customer's last channel), else the first free one.
 */
export function useReplyRoutes(conversationId: string) {
  const routes = useQuery({
    queryKey: replyRoutesKey(conversationId),
    queryFn: () => api.get<ReplyRouteList>(`/api/conversations/${conversationId}/reply-routes`),
  });
  const [chosen, choose] = useState<ReplyRoute | null>(null);
  const options = routes.data?.items ?? [];
  const free = options.filter((o) => o.heldBy === null);
  const current: ReplyRouteOption | null =
    (chosen && free.find((o) => sameRoute(o, chosen))) || free.find((o) => o.isDefault) || free[0] || null;
  return { options, current, choose, loading: routes.isPending };
}

/** The customer's other open conversations, the candidates of a merge into `conversation`. */
export function useMergeCandidates(conversation: Conversation, enabled: boolean) {
  const customerId = conversation.customer.id;
  return useQuery({
    queryKey: [...conversationListsKey, 'merge-candidates', conversation.id, customerId],
    queryFn: () =>
      api.get<Page<ConversationListItem>>(
        `/api/conversations?view=all&customerId=${customerId}&sort=requested&limit=100`,
      ),
    enabled: enabled && customerId !== null,
    select: (page) => page.items.filter((c) => c.id !== conversation.id),
  });
}

/** Merges `sourceIds` into the conversation; the merged timeline and the customer's lists reload. */
export function useMergeConversations(targetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sourceIds: string[]) =>
      api.post<Conversation>(`/api/conversations/${targetId}/merge`, { sourceIds }),
    meta: { inlineError: true },
    onSuccess: (conversation, sourceIds) => {
      queryClient.setQueryData(conversationKey(targetId), conversation);
      void queryClient.invalidateQueries({ queryKey: timelineKey(targetId) });
      void queryClient.invalidateQueries({ queryKey: replyRoutesKey(targetId) });
      void queryClient.invalidateQueries({ queryKey: conversationListsKey });
      if (conversation.customer.id) {
        void queryClient.invalidateQueries({ queryKey: customerKey(conversation.customer.id) });
      }
      const n = sourceIds.length;
      notifySuccess(`${n} conversation${n === 1 ? '' : 's'} merged into #${conversation.number}`);
    },
  });
}

import type { Conversation, TimelineItem } from '@parley/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '../../../lib/realtime.tsx';
import { conversationKey, refreshNewestTimelinePage } from './conversation-api.ts';
import { replyRoutesKey } from './omnichannel-api.ts';
import { outboxFor } from './outbox-store.ts';
import { timelineKey, upsertTimelineItem } from './timeline-cache.ts';

/** Domain changes that write a change-log entry (D2), which reaches the timeline only by refetching. */
const LOGGED_CHANGES = new Set([
  'conversation.status_changed',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.tagged',
  'conversation.untagged',
  'conversation.queue_changed',
  'conversation.updated',
]);

/** Changes after which the composer's reply routes may differ. */
const ROUTE_CHANGES = new Set(['message.received', 'conversation.updated', 'conversation.merged']);

export interface LiveHandlers {
  /** The user lost sight of the conversation (assigned away, moved out of their queues). */
  onRemoved: () => void;
  /** A customer message arrived while the conversation is open. */
  onInboundMessage: (item: TimelineItem) => void;
}

/** Keeps the open conversation and its timeline current from realtime events. */
export function useConversationLive(conversationId: string, handlers: LiveHandlers): void {
  const queryClient = useQueryClient();

  useRealtimeEvent('conversation.changed', ({ payload }) => {
    if (payload.conversation.id !== conversationId) return;
    // The unread count is per user and not carried: keep ours.
    queryClient.setQueryData<Conversation>(conversationKey(conversationId), (old) => ({
      ...payload.conversation,
      unreadCount: old?.unreadCount ?? 0,
    }));
    if (payload.change === 'conversation.merged') {
      // Merged-in messages land all through the timeline, not only on its newest page.
      void queryClient.invalidateQueries({ queryKey: timelineKey(conversationId) });
    } else if (LOGGED_CHANGES.has(payload.change)) {
      void refreshNewestTimelinePage(queryClient, conversationId).catch(() => {});
    }
    // New channels or a new last customer channel change where a reply may go (D2).
    if (ROUTE_CHANGES.has(payload.change)) {
      void queryClient.invalidateQueries({ queryKey: replyRoutesKey(conversationId) });
    }
  });

  useRealtimeEvent('conversation.read_state_changed', ({ payload }) => {
    if (payload.conversationId !== conversationId) return;
    queryClient.setQueryData<Conversation>(conversationKey(conversationId), (old) =>
      old ? { ...old, unreadCount: payload.unreadCount } : old,
    );
  });

  const onItem = (item: TimelineItem) => {
    upsertTimelineItem(queryClient, conversationId, item);
    if (item.type === 'message' && item.clientId)
      outboxFor(queryClient).remove(conversationId, item.clientId);
  };

  useRealtimeEvent('timeline.appended', ({ payload }) => {
    if (payload.conversationId !== conversationId) return;
    onItem(payload.item);
    if (payload.item.type === 'message' && payload.item.direction === 'INBOUND') {
      handlers.onInboundMessage(payload.item);
    }
  });

  useRealtimeEvent('timeline.updated', ({ payload }) => {
    if (payload.conversationId === conversationId) onItem(payload.item);
  });

  useRealtimeEvent('conversation.removed', ({ payload }) => {
    if (payload.conversationId === conversationId) handlers.onRemoved();
  });
}

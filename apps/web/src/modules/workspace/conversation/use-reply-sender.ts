import type { ReplyRoute, TimelineItem } from '@parley/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { type ApiError, api, isApiError } from '../../../lib/api.ts';
import { outboxFor } from './outbox-store.ts';
import { timelineHasClientId, upsertTimelineItem } from './timeline-cache.ts';
import type { OutboxEntry } from './timeline-rows.ts';
import { type ComposedReply, pendingReply } from './use-reply-extras.ts';

/**
 * Optimistic replies: each gets a client id, shows at once as pending, and is replaced by the
 * server's row with that client id — whichever comes first, the HTTP answer or the realtime
 * `timeline.appended`. A retry re-sends the same client id, so the server stores it once. The
 * unconfirmed replies themselves are read with `useOutbox` by the timeline.
 */
export function useReplySender(conversationId: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);

  const post = useCallback(
    async (entry: OutboxEntry) => {
      const outbox = outboxFor(queryClient);
      outbox.put(conversationId, { ...entry, state: 'sending', error: undefined });
      try {
        const item = await api.post<TimelineItem>(`/api/conversations/${conversationId}/messages`, {
          clientId: entry.clientId,
          ...(entry.text !== '' && { text: entry.text }),
          ...entry.extras,
          ...(entry.route && { route: entry.route }),
        });
        upsertTimelineItem(queryClient, conversationId, item);
        outbox.remove(conversationId, entry.clientId);
        setError(null);
      } catch (err) {
        // The socket may have delivered the stored reply although the answer was lost.
        if (timelineHasClientId(queryClient, conversationId, entry.clientId)) {
          outbox.remove(conversationId, entry.clientId);
          return;
        }
        const message = err instanceof Error ? err.message : 'The reply could not be sent';
        outbox.put(conversationId, { ...entry, state: 'failed', error: message });
        if (isApiError(err)) setError(err);
      }
    },
    [queryClient, conversationId],
  );

  const send = useCallback(
    (reply: ComposedReply, route?: ReplyRoute) =>
      post({
        clientId: crypto.randomUUID(),
        text: reply.template ? '' : (reply.text ?? ''),
        createdAt: new Date().toISOString(),
        state: 'sending',
        ...(route && { route }),
        ...pendingReply(reply),
      }),
    [post],
  );
  const retry = useCallback(
    (clientId: string) => {
      const entry = outboxFor(queryClient)
        .get(conversationId)
        .find((e) => e.clientId === clientId);
      if (entry) void post(entry);
    },
    [queryClient, conversationId, post],
  );
  const discard = useCallback(
    (clientId: string) => outboxFor(queryClient).remove(conversationId, clientId),
    [queryClient, conversationId],
  );
  const clearError = useCallback(() => setError(null), []);

  return useMemo(
    () => ({
      /** The last refusal, shown under the composer until the next reply goes through. */
      error,
      clearError,
      send,
      retry,
      discard,
    }),
    [error, clearError, send, retry, discard],
  );
}

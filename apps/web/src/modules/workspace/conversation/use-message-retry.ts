import type { TimelineItem } from '@parley/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { upsertTimelineItem } from './timeline-cache.ts';

/**
 * Retry on a message the provider refused: the same message goes back to "sending" and out again
 * (never a copy). A refusal (window closed, connection disabled) shows as a notification.
 */
export function useMessageRetry(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api.post<TimelineItem>(`/api/messages/${messageId}/retry`),
    onSuccess: (item) => upsertTimelineItem(queryClient, conversationId, item),
  });
}

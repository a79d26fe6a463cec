import type {
  AgentList,
  Conversation,
  Page,
  QueueList,
  TagList,
  TimelineItem,
  UpdateConversationRequest,
} from '@parley/contracts';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, api, isApiError } from '../../../lib/api.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type TimelineData, timelineKey, upsertTimelineItem } from './timeline-cache.ts';
import { markTimelineData } from './timeline-perf.ts';

export const conversationKey = (id: string) => ['conversation', id] as const;
export const agentsKey = ['agents'] as const;
export const queuesKey = ['queues'] as const;
export const conversationTagsKey = ['tags', 'conversation'] as const;

const path = (id: string, rest = '') => `/api/conversations/${id}${rest}`;

/** The open conversation; kept current by realtime events, so it never goes stale on its own. */
export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKey(id),
    queryFn: () => api.get<Conversation>(path(id)),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The newest page is small so a conversation opens fast; older pages are fetched in bigger steps. */
const FIRST_PAGE = 50;
const OLDER_PAGE = 100;

/** The timeline as an infinite query: newest page first, older pages on demand. */
export function useTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(id),
    queryFn: async ({ pageParam, signal }) => {
      const query = pageParam
        ? `?limit=${OLDER_PAGE}&before=${encodeURIComponent(pageParam)}`
        : `?limit=${FIRST_PAGE}`;
      const page = await api.get<Page<TimelineItem>>(path(id, `/timeline${query}`), { signal });
      if (!pageParam) markTimelineData(id);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const refreshing = new Map<string, { again: boolean }>();

/**
 * Fetches the newest page again and merges it in: change-log entries are not pushed one by one.
 * Calls arriving while one runs are folded into a single follow-up fetch.
 */
export async function refreshNewestTimelinePage(queryClient: QueryClient, id: string): Promise<void> {
  const running = refreshing.get(id);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: true };
  refreshing.set(id, state);
  try {
    while (state.again) {
      state.again = false;
      if (!queryClient.getQueryData<TimelineData>(timelineKey(id))) return;
      const page = await api.get<Page<TimelineItem>>(path(id, `/timeline?limit=${FIRST_PAGE}`));
      // Oldest first, so each insert lands at the front of the newest page in order.
      for (const item of [...page.items].reverse()) upsertTimelineItem(queryClient, id, item);
    }
  } finally {
    refreshing.delete(id);
  }
}

export function useAgents() {
  return useQuery({ queryKey: agentsKey, queryFn: () => api.get<AgentList>('/api/agents') });
}

export function useQueues() {
  return useQuery({ queryKey: queuesKey, queryFn: () => api.get<QueueList>('/api/queues') });
}

export function useConversationTags() {
  return useQuery({
    queryKey: conversationTagsKey,
    queryFn: () => api.get<TagList>('/api/tags?kind=conversation'),
  });
}

/** Every change the header and the side panel can make; each answers with the conversation. */
export type ConversationChange =
  | { kind: 'update'; body: UpdateConversationRequest }
  | { kind: 'assign'; userId: string | null }
  | { kind: 'assign-to-me' }
  | { kind: 'queue'; queueId: string | null }
  | { kind: 'add-tag'; tagId: string }
  | { kind: 'remove-tag'; tagId: string };

function sendChange(id: string, change: ConversationChange): Promise<Conversation> {
  switch (change.kind) {
    case 'update':
      return api.patch<Conversation>(path(id), change.body);
    case 'assign':
      return api.post<Conversation>(path(id, '/assign'), { userId: change.userId });
    case 'assign-to-me':
      return api.post<Conversation>(path(id, '/assign-to-me'));
    case 'queue':
      return api.put<Conversation>(path(id, '/queue'), { queueId: change.queueId });
    case 'add-tag':
      return api.post<Conversation>(path(id, '/tags'), { tagId: change.tagId });
    case 'remove-tag':
      return api.delete<Conversation>(path(id, `/tags/${change.tagId}`));
  }
}

/**
 * Applies header and panel changes. A refusal is kept as `error` (the view shows the server's
 * message in place, not in a passing toast); the next change clears it.
 */
export function useConversationChanges(id: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const mutation = useMutation({
    mutationFn: (change: ConversationChange) => sendChange(id, change),
    meta: { inlineError: true },
    onMutate: () => setError(null),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKey(id), conversation);
      // The change-log line of this change.
      void refreshNewestTimelinePage(queryClient, id).catch(() => {});
    },
    onError: (err) => {
      if (isApiError(err)) setError(err);
      // The conversation may have changed under us (closed, reassigned): show it as it is now.
      void queryClient.invalidateQueries({ queryKey: conversationKey(id), exact: true });
    },
  });
  return {
    change: (change: ConversationChange) => mutation.mutateAsync(change).catch(() => undefined),
    pending: mutation.isPending,
    error,
    clearError: () => setError(null),
  };
}

/** Opening the conversation marks its messages read for this user (D2), once per opening. */
export function markConversationRead(queryClient: QueryClient, id: string) {
  return api
    .post<Conversation>(path(id, '/read'))
    .then((conversation) => queryClient.setQueryData(conversationKey(id), conversation))
    .catch(() => {});
}

/** "Mark as unread" from a customer message: it and every later message become unread again. */
export function useMarkUnread(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api.post<Conversation>(path(id, '/unread'), { messageId }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKey(id), conversation);
      notifySuccess('Marked as unread from this message');
    },
  });
}

/** Adds an internal note; the server's entry goes straight into the timeline. */
export function useAddNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<TimelineItem>(path(id, '/notes'), { text }),
    meta: { inlineError: true },
    onSuccess: (item) => upsertTimelineItem(queryClient, id, item),
  });
}

import { type ConversationListItem, LIMITS, type Page, type RecentlyViewedList } from '@parley/contracts';
import { type QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useRealtimeEvent } from '../../lib/realtime.tsx';
import { useCurrentUser } from '../auth/current-user.tsx';
import {
  applyCustomerMessage,
  isCustomerMessage,
  isInMyWork,
  mergeConversation,
  removeRow,
  type SharedConversation,
  setUnreadCount,
  sortByLastCustomerMessage,
  sortsIntoLoaded,
} from './my-work/list-patch.ts';

// The workspace's conversation lists (MY WORK, Recently viewed) and the realtime patching that keeps
// them live. One conversation and its timeline live in `conversation/conversation-api.ts`; ALL WORK's
// list in `all-work/all-work-api.ts`.

type ListPage = Page<ConversationListItem>;
type Rows = ConversationListItem[];

export const conversationListsKey = ['conversation-lists'] as const;
export const myWorkKey = [...conversationListsKey, 'my-work'] as const;
export const recentlyViewedKey = [...conversationListsKey, 'recently-viewed'] as const;

/** Lists only follow events while mounted, so each mount fetches afresh rather than trusting an old copy. */
const LIVE_LIST = { refetchOnMount: 'always' } as const;

/** MY WORK: the newest LIMITS.myWorkList rows; `nextCursor` set means there are more (VIEW ALL). */
export function useMyWork() {
  return useQuery({
    queryKey: myWorkKey,
    queryFn: ({ signal }) =>
      api.get<ListPage>(`/api/conversations?view=mine&limit=${LIMITS.myWorkList}`, { signal }),
    ...LIVE_LIST,
  });
}

/** D5 Recently viewed: the conversations the caller opened last, whoever handles them. */
export function useRecentlyViewed(enabled = true) {
  return useQuery({
    queryKey: recentlyViewedKey,
    queryFn: ({ signal }) => api.get<RecentlyViewedList>('/api/recently-viewed', { signal }),
    enabled,
    ...LIVE_LIST,
  });
}

/** Reads and rewrites the rows of one cached list, whatever its shape. */
interface ListCache {
  key: QueryKey;
  rows: Rows;
  write: (edit: (rows: Rows) => Rows) => void;
  /** Is this conversation one the list should hold (decides insert and removal)? */
  fits: (conversation: SharedConversation) => boolean;
  /** The list is cut (more rows on the server): a removal should pull the next one in. */
  truncated: boolean;
}

function listCaches(queryClient: QueryClient, myUserId: string): ListCache[] {
  const caches: ListCache[] = [];
  const myWork = queryClient.getQueryData<ListPage>(myWorkKey);
  if (myWork) {
    caches.push({
      key: myWorkKey,
      rows: myWork.items,
      write: (edit) =>
        queryClient.setQueryData<ListPage>(myWorkKey, (page) => {
          if (!page) return page;
          const items = edit(page.items);
          return items === page.items ? page : { ...page, items: sortByLastCustomerMessage(items) };
        }),
      fits: (c) => isInMyWork(c, myUserId) && sortsIntoLoaded(myWork.items, myWork.nextCursor !== null, c),
      truncated: myWork.nextCursor !== null,
    });
  }
  const recent = queryClient.getQueryData<RecentlyViewedList>(recentlyViewedKey);
  if (recent) {
    caches.push({
      key: recentlyViewedKey,
      rows: recent.items,
      write: (edit) =>
        queryClient.setQueryData<RecentlyViewedList>(recentlyViewedKey, (list) => {
          if (!list) return list;
          const items = edit(list.items);
          return items === list.items ? list : { items };
        }),
      // Whoever it belongs to and whatever its status, a viewed conversation stays until it is out of sight.
      fits: (c) => recent.items.some((r) => r.id === c.id),
      truncated: false,
    });
  }
  return caches;
}

const refetch = (queryClient: QueryClient, key: QueryKey) =>
  void queryClient.invalidateQueries({ queryKey: key });

/** A pushed conversation: update its row, drop it when it no longer fits, fetch when it newly does. */
function applyConversationChanged(
  queryClient: QueryClient,
  myUserId: string,
  conversation: SharedConversation,
) {
  for (const cache of listCaches(queryClient, myUserId)) {
    const present = cache.rows.some((r) => r.id === conversation.id);
    if (cache.fits(conversation)) {
      // A row new to the list needs the caller's unread count and preview, which the push lacks.
      if (present) cache.write((rows) => mergeConversation(rows, conversation));
      else refetch(queryClient, cache.key);
    } else if (present) {
      cache.write((rows) => removeRow(rows, conversation.id));
      if (cache.truncated) refetch(queryClient, cache.key);
    }
  }
}

/**
 * Keeps every cached conversation list current from realtime events. Mount it with the lists: the
 * lists refetch on mount, so events missed while unmounted (or while the socket was down, which
 * refetches active queries on reconnect) are never lost.
 */
export function useConversationListsRealtime(): void {
  const queryClient = useQueryClient();
  const myUserId = useCurrentUser().id;

  useRealtimeEvent('conversation.changed', ({ payload }) =>
    applyConversationChanged(queryClient, myUserId, payload.conversation),
  );

  useRealtimeEvent('conversation.removed', ({ payload }) => {
    for (const cache of listCaches(queryClient, myUserId)) {
      if (!cache.rows.some((r) => r.id === payload.conversationId)) continue;
      cache.write((rows) => removeRow(rows, payload.conversationId));
      if (cache.truncated) refetch(queryClient, cache.key);
    }
  });

  useRealtimeEvent('timeline.appended', ({ payload }) => {
    const { conversationId, item } = payload;
    if (!isCustomerMessage(item)) return;
    for (const cache of listCaches(queryClient, myUserId)) {
      cache.write((rows) => applyCustomerMessage(rows, conversationId, item));
    }
  });

  useRealtimeEvent('conversation.read_state_changed', ({ payload }) => {
    const { conversationId, unreadCount } = payload;
    for (const cache of listCaches(queryClient, myUserId)) {
      cache.write((rows) => setUnreadCount(rows, conversationId, unreadCount));
    }
    // Opening a conversation (in any tab) puts it at the top of Recently viewed.
    const recent = queryClient.getQueryData<RecentlyViewedList>(recentlyViewedKey);
    if (recent && recent.items[0]?.id !== conversationId) refetch(queryClient, recentlyViewedKey);
  });
}

import type { Page, TimelineItem } from '@parley/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { compareTimeline } from './timeline-rows.ts';

// The timeline lives in one infinite query: pages newest first, each page's items newest first,
// `pageParam` the `before` cursor. Live events are merged into that cache here, so the timeline,
// the HTTP answers and the socket agree on one copy of each entry.

export type TimelineData = InfiniteData<Page<TimelineItem>, string | null>;

export const timelineKey = (conversationId: string) => ['conversation', conversationId, 'timeline'] as const;

const sameEntry = (a: TimelineItem, b: TimelineItem) => a.type === b.type && a.id === b.id;

/** Inserts a new entry where it belongs in the newest page, or replaces the stored copy of it. */
export function upsertTimelineItem(
  queryClient: QueryClient,
  conversationId: string,
  item: TimelineItem,
): void {
  queryClient.setQueryData<TimelineData>(timelineKey(conversationId), (data) => {
    if (!data) return data;
    const pages = data.pages.map((page) => {
      const index = page.items.findIndex((existing) => sameEntry(existing, item));
      if (index < 0) return page;
      const items = page.items.slice();
      items[index] = item;
      return { ...page, items };
    });
    if (pages.some((page, i) => page !== data.pages[i])) return { ...data, pages };
    const [newest, ...older] = data.pages;
    if (!newest) return data;
    const items = newest.items.slice();
    // Newest first: the entry goes before the first one older than it (usually at the front).
    const at = items.findIndex((existing) => compareTimeline(existing, item) < 0);
    items.splice(at < 0 ? items.length : at, 0, item);
    return { ...data, pages: [{ ...newest, items }, ...older] };
  });
}

/** Whether the cached timeline already holds the server's copy of the reply sent with `clientId`. */
export function timelineHasClientId(
  queryClient: QueryClient,
  conversationId: string,
  clientId: string,
): boolean {
  const data = queryClient.getQueryData<TimelineData>(timelineKey(conversationId));
  return !!data?.pages.some((page) =>
    page.items.some((item) => item.type === 'message' && item.clientId === clientId),
  );
}

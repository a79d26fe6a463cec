import { memo, type Ref, useMemo } from 'react';
import { useTimeline } from './conversation-api.ts';
import type { EntryActions } from './MessageRow.tsx';
import { useOutbox } from './outbox-store.ts';
import { Timeline, type TimelineHandle } from './Timeline.tsx';
import { buildTimelineRows, orderTimeline } from './timeline-rows.ts';
import { LoadFailed, Loading } from './ViewStates.tsx';

/**
 * The timeline with its data. It subscribes to the timeline and the outbox itself, so a new
 * message or a loaded page re-renders only the timeline, not the header, panel and composer (and,
 * memoised, a change of those does not re-render it).
 */
export const TimelinePane = memo(function TimelinePane({
  conversationId,
  actions,
  ref,
}: {
  conversationId: string;
  actions: EntryActions;
  ref?: Ref<TimelineHandle>;
}) {
  const timeline = useTimeline(conversationId);
  const outbox = useOutbox(conversationId);
  const items = useMemo(() => orderTimeline(timeline.data?.pages.map((p) => p.items) ?? []), [timeline.data]);
  const rows = useMemo(() => buildTimelineRows(items, outbox, new Date()), [items, outbox]);

  if (timeline.isError) {
    return (
      <LoadFailed
        title="Could not load the messages"
        message={timeline.error.message}
        onRetry={() => void timeline.refetch()}
      />
    );
  }
  if (timeline.isPending) return <Loading label="Loading messages" />;
  return (
    <Timeline
      ref={ref}
      conversationId={conversationId}
      rows={rows}
      hasOlder={timeline.hasNextPage}
      loadingOlder={timeline.isFetchingNextPage}
      onLoadOlder={() => void timeline.fetchNextPage()}
      actions={actions}
    />
  );
});

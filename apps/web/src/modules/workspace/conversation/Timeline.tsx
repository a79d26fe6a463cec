import { Button, Loader } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { EntryActions } from './MessageRow.tsx';
import classes from './Timeline.module.css';
import { TimelineEntry } from './TimelineEntry.tsx';
import { markTimelinePainted } from './timeline-perf.ts';
import type { TimelineRow } from './timeline-rows.ts';

export interface TimelineHandle {
  /** Shows the newest entry (after the agent sent something). */
  scrollToEnd: () => void;
}

interface TimelineProps {
  conversationId: string;
  rows: readonly TimelineRow[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  actions: EntryActions;
  ref?: Ref<TimelineHandle>;
}

/** Within this many pixels of the bottom counts as "at the bottom" (follows new messages). */
const AT_END_PX = 48;
const EDGE_HEIGHT = 44;
const PADDING_END = 16;
/** Older pages load when the top is closer than this. */
const LOAD_OLDER_PX = 400;

/** A first guess of a row's height; each row is measured once drawn. */
function estimateRow(row: TimelineRow | undefined): number {
  if (!row || row.kind === 'day') return 40;
  if (row.kind === 'item' && row.item.type === 'log') return 28;
  const text =
    row.kind === 'outbox'
      ? row.entry.text
      : row.item.type === 'note'
        ? row.item.text
        : row.item.type === 'message'
          ? (row.item.content.text ?? '')
          : '';
  const lines = Math.min(40, Math.ceil(text.length / 70) + (text.match(/\n/g)?.length ?? 0));
  return (row.continued ? 38 : 60) + Math.max(0, lines - 1) * 20;
}

/**
 * The virtualised timeline: only rows near the viewport are in the DOM, each measured as drawn.
 * It opens at the newest entry, loads older pages when scrolled near the top while keeping what is
 * on screen in place (the list is anchored to its end), follows new entries while at the bottom and
 * otherwise offers a "new messages" pill.
 */
export function Timeline({
  conversationId,
  rows,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  actions,
  ref,
}: TimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // "Beginning of the conversation" leads the list once nothing older is left. While older pages
  // remain there is no leading row: older entries are prepended above the first real row, which
  // anchors the scroll position (a fixed first row would pin the view to the top instead).
  const lead = hasOlder ? 0 : 1;
  const getItemKey = useCallback(
    (index: number) => (index < lead ? 'start' : (rows[index - lead]?.key ?? index)),
    [rows, lead],
  );
  const estimateSize = useCallback(
    (index: number) => (index < lead ? EDGE_HEIGHT : estimateRow(rows[index - lead])),
    [rows, lead],
  );
  const virtualizer = useVirtualizer({
    count: rows.length + lead,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 5,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
    paddingEnd: PADDING_END,
    // Start at the newest rows, so the first render draws the rows the reader will see.
    initialOffset: () => rows.reduce((sum, row) => sum + estimateRow(row), lead * EDGE_HEIGHT + PADDING_END),
    initialRect: { width: 0, height: 800 },
  });

  useImperativeHandle(ref, () => ({ scrollToEnd: () => virtualizer.scrollToEnd() }), [virtualizer]);

  // Open at the newest entry, then tell the benchmark the first page is on screen. (Not guarded by a
  // ref: StrictMode's second mount must scroll again, the virtualizer having been re-attached.)
  const opened = useRef(false);
  const hasRows = rows.length > 0;
  useLayoutEffect(() => {
    if (!hasRows) return;
    virtualizer.scrollToEnd();
    opened.current = true;
    markTimelinePainted(conversationId);
  }, [hasRows, virtualizer, conversationId]);

  const [atEnd, setAtEnd] = useState(true);
  const older = useRef({ hasOlder, loadingOlder, onLoadOlder });
  older.current = { hasOlder, loadingOlder, onLoadOlder };
  const checkEdges = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !opened.current) return;
    setAtEnd(el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX);
    const { hasOlder: more, loadingOlder: loading, onLoadOlder: load } = older.current;
    if (more && !loading && el.scrollTop < LOAD_OLDER_PX) load();
  }, []);
  // A short first page may not fill the view, so no scroll would ever ask for more.
  useEffect(() => {
    if (!loadingOlder) checkEdges();
  }, [loadingOlder, checkEdges]);

  // Entries that arrived while the reader was scrolled up, counted from the last one they saw.
  const lastKey = rows.at(-1)?.key ?? null;
  const [seenKey, setSeenKey] = useState(lastKey);
  useEffect(() => {
    if (atEnd) setSeenKey(lastKey);
  }, [atEnd, lastKey]);
  const unseen = useMemo(() => {
    if (atEnd || seenKey === lastKey) return 0;
    const from = rows.findLastIndex((r) => r.key === seenKey);
    return rows.slice(from + 1).filter((r) => r.kind !== 'day').length;
  }, [rows, atEnd, seenKey, lastKey]);

  const items = virtualizer.getVirtualItems();
  return (
    <div style={{ position: 'relative', flex: 1, minHeight: 0 }}>
      <div
        ref={scrollRef}
        className={classes.scroller}
        onScroll={checkEdges}
        data-testid="timeline"
        role="log"
        aria-label="Conversation timeline"
        tabIndex={-1}
      >
        <div className={classes.inner} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = item.index < lead ? null : rows[item.index - lead];
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-continued={row && row.kind !== 'day' ? row.continued : undefined}
                className={classes.row}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <TimelineEntry row={row} actions={actions} />
                ) : (
                  <div className={classes.edge}>Beginning of the conversation</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {loadingOlder && (
        <div className={classes.loadingOlder}>
          <Loader size="xs" aria-label="Loading earlier messages" />
        </div>
      )}
      {unseen > 0 && (
        <Button
          className={classes.pill}
          size="xs"
          radius="xl"
          leftSection={<IconArrowDown size={14} />}
          onClick={() => virtualizer.scrollToEnd()}
          data-testid="new-messages-pill"
        >
          {unseen === 1 ? '1 new message' : `${unseen} new messages`}
        </Button>
      )}
    </div>
  );
}

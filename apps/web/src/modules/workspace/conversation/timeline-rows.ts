import type { ReplyRoute, SendMessageRequest, TimelineItem, TimelineMessage } from '@parley/contracts';

/** A reply the browser sent (or is sending) that the server has not confirmed yet. */
export interface OutboxEntry {
  clientId: string;
  text: string;
  createdAt: string;
  state: 'sending' | 'failed';
  /** The route chosen when it was sent ("change channel"); a retry goes the same way. */
  route?: ReplyRoute;
  /** What the reply carries besides its text (a stored file, a Messenger tag, a WhatsApp template). */
  extras?: Pick<SendMessageRequest, 'attachmentId' | 'template' | 'messengerTag'>;
  /** How the pending reply shows when it is more than its text (a file, a filled template). */
  preview?: Pick<TimelineMessage, 'contentType' | 'content'>;
  /** The server's (or the network's) refusal, shown on the row. */
  error?: string;
}

export type TimelineRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'item'; key: string; item: TimelineItem; continued: boolean }
  | { kind: 'outbox'; key: string; entry: OutboxEntry; continued: boolean };

/** Messages of one author closer than this share one header (a "group"). */
const GROUP_WINDOW_MS = 5 * 60_000;

/**
 * The server's pages (each newest first, the newest page first, maybe overlapping after live
 * inserts) as one oldest-first list without repeats.
 */
export function orderTimeline(pages: readonly (readonly TimelineItem[])[]): TimelineItem[] {
  const seen = new Set<string>();
  const out: TimelineItem[] = [];
  for (const page of pages) {
    for (const item of page) {
      const key = `${item.type}:${item.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
  }
  return out.reverse();
}

/** The order the server pages by: creation time, then id. */
export function compareTimeline(a: TimelineItem, b: TimelineItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

const weekdayDate = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** "Today", "Yesterday", "Monday 3 March" this year, else "3 March 2025". */
export function dayLabel(date: Date, now: Date): string {
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (localDayKey(date) === localDayKey(now)) return 'Today';
  if (localDayKey(date) === localDayKey(yesterday)) return 'Yesterday';
  return date.getFullYear() === now.getFullYear() ? weekdayDate.format(date) : fullDate.format(date);
}

/** Who a message row speaks for, to group consecutive messages of one author. */
function speaker(row: TimelineRow): string | null {
  if (row.kind === 'outbox') return 'outbox';
  if (row.kind !== 'item' || row.item.type !== 'message') return null;
  const m: TimelineMessage = row.item;
  // The channel is part of it: in an omnichannel conversation a switch shows the new channel's icon.
  return `${m.direction === 'INBOUND' ? 'customer' : (m.author?.id ?? m.authorKind)}:${m.channel}`;
}

function rowTime(row: TimelineRow): number {
  if (row.kind === 'outbox') return Date.parse(row.entry.createdAt);
  return row.kind === 'item' ? Date.parse(row.item.createdAt) : 0;
}

/**
 * The rows the timeline draws: a day separator before each new local day, every item, and the
 * replies still in the outbox by their time (those the server already returned, matched by client
 * id, are left out so a reply never shows twice). Consecutive messages of one author within five minutes
 * are `continued` (drawn without repeating the header).
 */
export function buildTimelineRows(
  items: readonly TimelineItem[],
  outbox: readonly OutboxEntry[],
  now: Date,
): TimelineRow[] {
  const confirmed = new Set<string>();
  for (const item of items) if (item.type === 'message' && item.clientId) confirmed.add(item.clientId);
  const rows: TimelineRow[] = [];
  let lastDay = '';
  let previous: TimelineRow | null = null;
  const push = (row: TimelineRow, at: Date) => {
    const day = localDayKey(at);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day:${day}`, label: dayLabel(at, now) });
      lastDay = day;
      previous = null;
    }
    if (row.kind !== 'day' && previous) {
      const who = speaker(row);
      row.continued =
        who !== null && who === speaker(previous) && rowTime(row) - rowTime(previous) < GROUP_WINDOW_MS;
    }
    rows.push(row);
    previous = row;
  };
  // Unconfirmed replies go among the entries by the time they were written (a failed one stays
  // where it was sent while the conversation moves on).
  const pending = outbox.filter((entry) => !confirmed.has(entry.clientId));
  let next = 0;
  const pushPendingUntil = (time: string | null) => {
    while (next < pending.length) {
      const entry = pending[next] as OutboxEntry;
      if (time !== null && entry.createdAt >= time) return;
      push(
        { kind: 'outbox', key: `out:${entry.clientId}`, entry, continued: false },
        new Date(entry.createdAt),
      );
      next += 1;
    }
  };
  for (const item of items) {
    pushPendingUntil(item.createdAt);
    // A confirmed reply keeps its optimistic row's key, so React updates that row in place.
    const key = item.type === 'message' && item.clientId ? `out:${item.clientId}` : `${item.type}:${item.id}`;
    push({ kind: 'item', key, item, continued: false }, new Date(item.createdAt));
  }
  pushPendingUntil(null);
  return rows;
}

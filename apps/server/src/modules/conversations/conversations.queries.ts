import type { ConversationListQuery, ConversationSort, Page } from '@parley/contracts';
import { and, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { botSessions } from '../bots/bots.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { messages } from '../messages/messages.schema.ts';
import { notes } from '../messages/notes.schema.ts';
import { conversationLog } from './conversation-log.schema.ts';
import { recentlyViewed } from './conversation-reads.schema.ts';
import type { TimelineKey } from './conversations.presenter.ts';
import { conversations, conversationTags } from './conversations.schema.ts';
import { SEARCH_WINDOW, searchCount, searchList } from './conversations.search.ts';
import { type Viewer, visibleTo } from './conversations.visibility.ts';
import { RECENTLY_VIEWED_MAX } from './read-state.service.ts';

// Read side of conversations: the list views (keyset pages), the merged timeline and Recently
// viewed. Cursors are opaque base64url JSON of the last row's sort key and id; sort keys never
// are NULL (a sentinel stands in), so a row comparison `(key, id) > (…)` pages through an index.

type Direction = 'asc' | 'desc';

/** SQL type a cursor's text key is cast back to. */
export type CursorKeyType = 'timestamptz' | 'int' | 'text';

interface SortSpec {
  key: SQL;
  type: CursorKeyType;
  direction: Direction;
}

/**
 * Sort keys. Not pending counts as pending "since the end of time" (zero waiting), so it sorts after
 * every pending one when the longest wait comes first; no customer message yet sorts oldest.
 */
const SORTS: Record<ConversationSort, SortSpec> = {
  pending: {
    key: sql`coalesce(${conversations.pendingSince}, 'infinity'::timestamptz)`,
    type: 'timestamptz',
    direction: 'asc',
  },
  lastCustomerMessage: {
    key: sql`coalesce(${conversations.lastCustomerMessageAt}, '-infinity'::timestamptz)`,
    type: 'timestamptz',
    direction: 'desc',
  },
  requested: { key: sql`${conversations.createdAt}`, type: 'timestamptz', direction: 'desc' },
  priority: {
    key: sql`(case ${conversations.priority} when 'URGENT' then 3 when 'HIGH' then 2 when 'NORMAL' then 1 else 0 end)`,
    type: 'int',
    direction: 'desc',
  },
  customer: {
    key: sql`lower(coalesce(${customers.name}, ${conversations.customerAddress}, ''))`,
    type: 'text',
    direction: 'asc',
  },
};

/** MY WORK lists newest customer message first (D5); History newest request first; the rest longest pending first. */
function defaultSort(view: ConversationListQuery['view']): ConversationSort {
  if (view === 'mine') return 'lastCustomerMessage';
  if (view === 'history') return 'requested';
  return 'pending';
}

interface Cursor {
  /** What the cursor was made for, so it is never applied to another ordering. */
  order: string;
  key: string;
  id: string;
}

const badCursor = () => new AppError('validation_failed', 400, 'The cursor is not valid for this list');

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL's ISO text output of a timestamptz, e.g. `2026-11-25 13:44:28.123456+00`. */
const TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2})(?::(\d{2}))?)?$/;

function isTimestamptz(text: string): boolean {
  if (text === 'infinity' || text === '-infinity') return true;
  const m = TIMESTAMPTZ.exec(text);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offH = 0, offM = 0, offS = 0] = m
    .slice(1)
    .map((part) => Number(part ?? 0));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (
    year >= 1 &&
    daysInMonth !== undefined &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offH <= 15 &&
    offM <= 59 &&
    offS <= 59
  );
}

/**
 * Whether a cursor key can be cast to its sort key's SQL type. The cast runs in the page query, so
 * a tampered key must be refused here: PostgreSQL would fail the whole query on it.
 */
function isKeyOfType(key: string, type: CursorKeyType): boolean {
  switch (type) {
    case 'timestamptz':
      return isTimestamptz(key);
    case 'int':
      return /^-?\d{1,9}$/.test(key);
    case 'text':
      // The only character PostgreSQL refuses in text.
      return !key.includes('\u0000');
  }
}

/** Decodes a cursor made by encodeCursor for `order`; anything else is a 400 `validation_failed`. */
export function decodeCursor(raw: string, order: string, keyType: CursorKeyType): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== order ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    !isKeyOfType(parsed[1], keyType) ||
    !UUID.test(parsed[2])
  ) {
    throw badCursor();
  }
  return { order, key: parsed[1], id: parsed[2] };
}

const pgArray = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

function viewCondition(query: Pick<ConversationListQuery, 'view'>, viewer: Viewer): SQL | undefined {
  switch (query.view) {
    case 'mine':
      return and(eq(conversations.assigneeUserId, viewer.userId), ne(conversations.status, 'CLOSED'));
    case 'unassigned':
      // D3: a conversation is assigned to one agent or one bot, so a bot-held one is not Unassigned.
      return and(
        isNull(conversations.assigneeUserId),
        ne(conversations.status, 'CLOSED'),
        sql`not exists (select 1 from ${botSessions} b where b.conversation_id = ${conversations.id})`,
      );
    case 'all':
    case 'queue':
      return ne(conversations.status, 'CLOSED');
    case 'history':
      return undefined;
    case 'bots':
      // D4 All Bots: held by a bot. A bot session ends when its conversation closes.
      return sql`exists (select 1 from ${botSessions} b where b.conversation_id = ${conversations.id})`;
  }
}

/** The list's filters except the search `q` (conversations.search.ts applies it). */
function filterConditions(query: Omit<ConversationListQuery, 'cursor' | 'limit'>): (SQL | undefined)[] {
  return [
    query.status?.length ? inArray(conversations.status, query.status) : undefined,
    query.priority?.length ? inArray(conversations.priority, query.priority) : undefined,
    query.channel?.length ? sql`${conversations.channels} && ${pgArray(query.channel)}::text[]` : undefined,
    query.queueId?.length ? inArray(conversations.queueId, query.queueId) : undefined,
    query.assigneeId?.length ? inArray(conversations.assigneeUserId, query.assigneeId) : undefined,
    query.customerId ? eq(conversations.customerId, query.customerId) : undefined,
    query.tag?.length
      ? sql`exists (select 1 from ${conversationTags} ct where ct.conversation_id = ${conversations.id}
          and ct.tag_id = any(${pgArray(query.tag)}::uuid[]))`
      : undefined,
    query.pendingLongerThanSeconds !== undefined
      ? sql`${conversations.pendingSince} <= now() - make_interval(secs => ${query.pendingLongerThanSeconds})`
      : undefined,
    query.createdFrom ? sql`${conversations.createdAt} >= ${query.createdFrom}::timestamptz` : undefined,
    query.createdTo ? sql`${conversations.createdAt} < ${query.createdTo}::timestamptz` : undefined,
  ];
}

/**
 * Counts the conversations of a list (view, filters, visibility), stopping at `cap + 1` so a huge
 * list stays cheap. `searchWindow` (conversations.search.ts) is changed by tests only.
 */
export async function countConversations(
  orm: Orm,
  query: Omit<ConversationListQuery, 'cursor' | 'limit'>,
  viewer: Viewer,
  cap: number,
  searchWindow = SEARCH_WINDOW,
): Promise<{ count: number; capped: boolean }> {
  const where = and(visibleTo(viewer), viewCondition(query, viewer), ...filterConditions(query));
  const search = query.q ? await searchCount(orm, query.q, where, searchWindow) : undefined;
  let n: number;
  if (search && 'count' in search) n = search.count;
  else {
    const matching = orm
      .select({ one: sql`1` })
      .from(conversations)
      .leftJoin(customers, eq(customers.id, conversations.customerId))
      .where(and(where, search?.condition))
      .limit(cap + 1)
      .as('matching');
    const [row] = await orm.select({ n: sql<number>`count(*)::int` }).from(matching);
    n = row?.n ?? 0;
  }
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

/**
 * One page of a conversation list as ids (in order) plus the next cursor; the caller presents them.
 * `searchWindow` (conversations.search.ts) is changed by tests only.
 */
export async function listConversationIds(
  orm: Orm,
  query: ConversationListQuery,
  viewer: Viewer,
  searchWindow = SEARCH_WINDOW,
): Promise<Page<string>> {
  const sortName = query.sort ?? defaultSort(query.view);
  const spec = SORTS[sortName];
  const direction = query.direction ?? spec.direction;
  const order = `${sortName}:${direction}`;
  const cmp = direction === 'asc' ? sql`>` : sql`<`;
  const dir = direction === 'asc' ? sql`asc` : sql`desc`;
  const after = query.cursor ? decodeCursor(query.cursor, order, spec.type) : undefined;
  const where = and(
    visibleTo(viewer),
    viewCondition(query, viewer),
    ...filterConditions(query),
    after
      ? sql`(${spec.key}, ${conversations.id}) ${cmp} (${after.key}::${sql.raw(spec.type)}, ${after.id}::uuid)`
      : undefined,
  );
  const search = query.q
    ? await searchList(orm, query.q, { where, key: spec.key, dir, rows: query.limit + 1 }, searchWindow)
    : undefined;
  const rows =
    search && 'rows' in search
      ? search.rows
      : await orm
          .select({ id: conversations.id, key: sql<string>`(${spec.key})::text` })
          .from(conversations)
          .leftJoin(customers, eq(customers.id, conversations.customerId))
          .where(and(where, search?.condition))
          .orderBy(sql`${spec.key} ${dir}`, sql`${conversations.id} ${dir}`)
          .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => r.id),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ order, key: last.key, id: last.id }) : null,
  };
}

const TIMELINE_ORDER = 'timeline';

/**
 * One page of a conversation's timeline: messages, notes and log entries merged, newest first.
 * Each source is read backwards along its (conversation_id, created_at, id) index, at most `limit` rows.
 */
export async function listTimelineKeys(
  orm: Orm,
  conversationId: string,
  before: string | undefined,
  limit: number,
): Promise<Page<TimelineKey>> {
  const cursor = before ? decodeCursor(before, TIMELINE_ORDER, 'timestamptz') : undefined;
  const part = (type: TimelineKey['type'], table: SQL) => sql`(
    select ${type}::text as type, id, created_at, created_at::text as key from ${table}
    where conversation_id = ${conversationId}
    ${cursor ? sql`and (created_at, id) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)` : sql``}
    order by created_at desc, id desc limit ${limit + 1})`;
  const result = await orm.execute<{ type: TimelineKey['type']; id: string; key: string }>(sql`
    select type, id, key from (
      ${part('message', sql`${messages}`)}
      union all ${part('note', sql`${notes}`)}
      union all ${part('log', sql`${conversationLog}`)}
    ) t order by created_at desc, id desc limit ${limit + 1}`);
  const page = result.rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ type: r.type, id: r.id })),
    nextCursor:
      result.rows.length > limit && last
        ? encodeCursor({ order: TIMELINE_ORDER, key: last.key, id: last.id })
        : null,
  };
}

/** The viewer's Recently viewed conversations they may still see, newest first. */
export async function listRecentlyViewedIds(orm: Orm, viewer: Viewer): Promise<string[]> {
  const rows = await orm
    .select({ id: conversations.id })
    .from(recentlyViewed)
    .innerJoin(conversations, eq(conversations.id, recentlyViewed.conversationId))
    .where(and(eq(recentlyViewed.userId, viewer.userId), visibleTo(viewer)))
    .orderBy(sql`${recentlyViewed.viewedAt} desc`, sql`${conversations.id} desc`)
    .limit(RECENTLY_VIEWED_MAX);
  return rows.map((r) => r.id);
}

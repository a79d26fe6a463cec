import { type SQL, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { customers } from '../customers/customers.schema.ts';
import { messages } from '../messages/messages.schema.ts';
import { conversations } from './conversations.schema.ts';

// The list search (`q`): topic, customer name or address, conversation number, or the text of any
// message. One meaning, two ways to find it, chosen per request (docs/all-work.md, "Search"):
// - a term common in the list is found by checking the list's rows in order (the first page is
//   full after a few hundred rows), each message check one index probe into that conversation;
// - a rare one through its indexes (trigram GIN on topic, customer address, customer name and
//   message text; the number's unique index), so it costs what it finds, not the history's size.
// Checking a window of the list's first rows tells the two apart, and is the page itself when the
// term is common. Terms shorter than three characters, which trigrams cannot index, leave message
// text out (**decision**): a two-letter scan of every message would take seconds.

/** Shortest term that also searches message text. */
export const MIN_TEXT_SEARCH = 3;
/** Rows of a list checked in order before a search turns to its indexes. */
export const SEARCH_WINDOW = 2000;
/** A count checks rows one by one only when this share of the window matched (else the indexes). */
const DENSE_SHARE = 0.2;

const numberOf = (q: string) => /^#?(\d{1,9})$/.exec(q)?.[1];

interface RowRefs {
  id: SQL;
  topic: SQL;
  name: SQL;
  address: SQL;
  number: SQL;
}

/** The list query's own columns (conversations left-joined to customers). */
const LIST_ROW: RowRefs = {
  id: sql`${conversations.id}`,
  topic: sql`${conversations.topic}`,
  name: sql`${customers.name}`,
  address: sql`${conversations.customerAddress}`,
  number: sql`${conversations.number}`,
};

/**
 * The search checked on one row. Message text is a scalar subquery, so PostgreSQL checks it per row
 * along the messages' conversation index instead of collecting every matching message first.
 */
function rowMatch(row: RowRefs, q: string, withText: boolean): SQL {
  const pattern = containsPattern(q);
  const number = numberOf(q);
  return sql`(${row.topic} ilike ${pattern} or ${row.name} ilike ${pattern} or ${row.address} ilike ${pattern}
    ${number ? sql`or ${row.number} = ${Number(number)}` : sql``}
    ${withText ? sql`or coalesce((select true from ${messages} m where m.conversation_id = ${row.id} and m.content->>'text' ilike ${pattern} limit 1), false)` : sql``})`;
}

/** The search as the set of matching conversations, each part read through its own index. */
function indexedMatch(q: string): SQL {
  const pattern = containsPattern(q);
  const number = numberOf(q);
  return sql`${conversations.id} in (
    select c.id from ${conversations} c where c.topic ilike ${pattern}
    union select c.id from ${conversations} c where c.customer_address ilike ${pattern}
    union select c.id from ${conversations} c join ${customers} cu on cu.id = c.customer_id
      where cu.name ilike ${pattern}
    ${number ? sql`union select c.id from ${conversations} c where c.number = ${Number(number)}` : sql``}
    union select m.conversation_id from ${messages} m where m.content->>'text' ilike ${pattern})`;
}

/** The list's first SEARCH_WINDOW rows (its conditions without the search), in its order. */
function windowOf(size: number, where: SQL | undefined, key?: SQL, dir?: SQL): SQL {
  return sql`select ${conversations.id} as id, ${key ? sql`(${key})::text` : sql`null`} as key_text,
      ${key ?? sql`null`} as sort_key, ${conversations.topic} as topic, ${customers.name} as customer_name,
      ${conversations.customerAddress} as customer_address, ${conversations.number} as number
    from ${conversations} left join ${customers} on ${customers.id} = ${conversations.customerId}
    where ${where ?? sql`true`}
    ${key && dir ? sql`order by ${key} ${dir}, ${conversations.id} ${dir}` : sql``}
    limit ${size}`;
}

const WINDOW_ROW: RowRefs = {
  id: sql`w.id`,
  topic: sql`w.topic`,
  name: sql`w.customer_name`,
  address: sql`w.customer_address`,
  number: sql`w.number`,
};

export interface ListShape {
  /** The list's conditions (view, filters, visibility, cursor) without the search. */
  where: SQL | undefined;
  key: SQL;
  dir: SQL;
  /** Rows wanted: the page size plus one (to know whether another page follows). */
  rows: number;
}

/**
 * A searched list: its rows (id and cursor key, in order) when the window settles it, else the
 * condition that selects the matches through the indexes.
 */
export async function searchList(
  orm: Orm,
  q: string,
  list: ListShape,
  window = SEARCH_WINDOW,
): Promise<{ rows: { id: string; key: string }[] } | { condition: SQL }> {
  if (q.length < MIN_TEXT_SEARCH) return { condition: rowMatch(LIST_ROW, q, false) };
  const result = await orm.execute<{ id: string | null; key: string | null; seen: number }>(sql`
    with w as (${windowOf(window, list.where, list.key, list.dir)})
    select r.id, r.key, s.seen from (select count(*)::int as seen from w) s
    left join lateral (
      select w.id, w.key_text as key, w.sort_key from w where ${rowMatch(WINDOW_ROW, q, true)}
      order by w.sort_key ${list.dir}, w.id ${list.dir} limit ${list.rows}
    ) r on true
    order by r.sort_key ${list.dir}, r.id ${list.dir}`);
  const rows = result.rows.flatMap((r) =>
    r.id !== null && r.key !== null ? [{ id: r.id, key: r.key }] : [],
  );
  const seen = result.rows[0]?.seen ?? 0;
  // Settled: the page is full within the window, or the window held the whole rest of the list.
  if (rows.length >= list.rows || seen < window) return { rows };
  return { condition: indexedMatch(q) };
}

/** A searched count: exact when the window holds the whole list, else the condition to count with. */
export async function searchCount(
  orm: Orm,
  q: string,
  where: SQL | undefined,
  window = SEARCH_WINDOW,
): Promise<{ count: number } | { condition: SQL }> {
  if (q.length < MIN_TEXT_SEARCH) return { condition: rowMatch(LIST_ROW, q, false) };
  const result = await orm.execute<{ hits: number; seen: number }>(sql`
    with w as (${windowOf(window, where)})
    select (count(*) filter (where ${rowMatch(WINDOW_ROW, q, true)}))::int as hits, count(*)::int as seen from w`);
  const { hits = 0, seen = 0 } = result.rows[0] ?? {};
  if (seen < window) return { count: hits };
  return { condition: hits >= DENSE_SHARE * seen ? rowMatch(LIST_ROW, q, true) : indexedMatch(q) };
}

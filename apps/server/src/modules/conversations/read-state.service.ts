import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { messages } from '../messages/messages.schema.ts';
import { conversationReads, recentlyViewed } from './conversation-reads.schema.ts';

// D2 per-agent unread state and D5 "Recently viewed". The read cursor is copied from the message
// row inside SQL (never through a JS Date) so its microseconds survive and the cursor message
// itself never counts as unread.

/** How many conversations a user's Recently viewed list keeps. */
export const RECENTLY_VIEWED_MAX = 20;

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Emitted when a user's read cursor or Recently viewed list changed, so their other tabs follow. */
export const READ_STATE_CHANGED = 'conversation.read_state_changed';
export interface ReadStateChanged {
  conversationId: string;
  userId: string;
}

/** Unread INBOUND messages per conversation for this user (conversations with none are absent). */
export async function unreadCounts(
  orm: Orm,
  conversationIds: readonly string[],
  userId: string,
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const result = await orm.execute<{ conversation_id: string; unread: number }>(sql`
    select m.conversation_id, count(*)::int as unread
    from ${messages} m
    left join ${conversationReads} r on r.conversation_id = m.conversation_id and r.user_id = ${userId}
    where m.conversation_id = any(${`{${conversationIds.join(',')}}`}::uuid[])
      and m.direction = 'INBOUND'
      and (r.last_read_message_at is null
        or (m.created_at, m.id) > (r.last_read_message_at, coalesce(r.last_read_message_id, ${NO_ID}::uuid)))
    group by m.conversation_id`);
  return new Map(result.rows.map((r) => [r.conversation_id, r.unread]));
}

/**
 * The user opened the conversation: every message so far is read, and it goes to the top of their
 * Recently viewed list (which keeps the newest RECENTLY_VIEWED_MAX). The caller checked visibility.
 */
export function markConversationRead(events: Events, userId: string, conversationId: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    await tx.execute(sql`
      insert into ${conversationReads} as r
        (user_id, conversation_id, last_read_message_id, last_read_message_at, updated_at)
      select ${userId}, ${conversationId}, last.id, last.created_at, now()
      from (select 1) one
      left join lateral (
        select id, created_at from ${messages} where conversation_id = ${conversationId}
        order by created_at desc, id desc limit 1
      ) last on true
      on conflict (user_id, conversation_id) do update set
        last_read_message_id = excluded.last_read_message_id,
        last_read_message_at = excluded.last_read_message_at,
        updated_at = now()`);
    await tx.execute(sql`
      insert into ${recentlyViewed} (user_id, conversation_id, viewed_at)
      values (${userId}, ${conversationId}, now())
      on conflict (user_id, conversation_id) do update set viewed_at = now()`);
    await tx.execute(sql`
      delete from ${recentlyViewed} where user_id = ${userId} and conversation_id in (
        select conversation_id from ${recentlyViewed} where user_id = ${userId}
        order by viewed_at desc, conversation_id desc offset ${RECENTLY_VIEWED_MAX})`);
    emit(READ_STATE_CHANGED, { conversationId, userId } satisfies ReadStateChanged);
  });
}

/**
 * "Mark unread" from a message: that message and every later one count as unread again for this
 * user (the cursor moves to the message just before it). 404 when the message is not in the conversation.
 */
export function markConversationUnread(
  events: Events,
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const result = await tx.execute(sql`
      insert into ${conversationReads} as r
        (user_id, conversation_id, last_read_message_id, last_read_message_at, updated_at)
      select ${userId}, t.conversation_id, prev.id, prev.created_at, now()
      from ${messages} t
      left join lateral (
        select p.id, p.created_at from ${messages} p
        where p.conversation_id = t.conversation_id and (p.created_at, p.id) < (t.created_at, t.id)
        order by p.created_at desc, p.id desc limit 1
      ) prev on true
      where t.id = ${messageId} and t.conversation_id = ${conversationId}
      on conflict (user_id, conversation_id) do update set
        last_read_message_id = excluded.last_read_message_id,
        last_read_message_at = excluded.last_read_message_at,
        updated_at = now()`);
    if (result.rowCount === 0) throw notFound('Message');
    emit(READ_STATE_CHANGED, { conversationId, userId } satisfies ReadStateChanged);
  });
}

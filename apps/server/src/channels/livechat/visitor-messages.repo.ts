import type { AuthorKind, MessageDirection } from '@parley/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { MessageContent } from '../../modules/messages/messages.schema.ts';
import type { Orm } from '../../platform/db/client.ts';

/** A message of a visitor's chat with what the widget shows of it. */
export interface VisitorMessageRow {
  id: string;
  direction: MessageDirection;
  authorKind: AuthorKind;
  agentName: string | null;
  content: MessageContent;
  providerMessageId: string | null;
  createdAt: Date;
}

/** Where one visitor's chat lives: the widget (our address) and the visitor (customer address). */
export interface VisitorThread {
  widgetId: string;
  visitorId: string;
}

/** Most messages one read returns (the widget's newest page, or what it missed). */
export const VISITOR_PAGE_SIZE = 200;

/**
 * A message may commit a moment after a later-stamped one (created_at is its transaction's start),
 * so a read "after" a message starts this long before it; the widget merges by id.
 */
const CATCH_UP_OVERLAP = sql`interval '30 seconds'`;

const COLUMNS = sql`m.id, m.direction, m.author_kind, u.display_name as agent_name, m.content,
  m.provider_message_id, m.created_at`;

/** Messages between this visitor and this widget (never notes or other channels of an omnichannel conversation). */
const ofThread = (t: VisitorThread) => sql`m.channel = 'LIVE_CHAT'
  and ((m.direction = 'INBOUND' and m.from_address = ${t.visitorId} and m.to_address = ${t.widgetId})
    or (m.direction = 'OUTBOUND' and m.to_address = ${t.visitorId} and m.from_address = ${t.widgetId}))`;

/** What the visitor reads back: their messages and the agents' replies that went out (SENT or later). */
const ofVisitor = (t: VisitorThread) =>
  sql`${ofThread(t)} and (m.direction = 'INBOUND' or m.delivery_state in ('SENT', 'DELIVERED', 'SEEN'))`;

/**
 * Messages of the conversations that own the visitor's thread key, as their own key or taken over
 * by a merge (D2 omnichannel), over the thread indexes.
 */
const inThread = (t: VisitorThread) => sql`from messages m
  left join users u on u.id = m.author_user_id
  where m.conversation_id in (
      select c.id from conversations c
      where c.channel = 'LIVE_CHAT' and c.our_address = ${t.widgetId} and c.customer_address = ${t.visitorId}
      union
      select k.conversation_id from conversation_thread_keys k
      where k.channel = 'LIVE_CHAT' and k.our_address = ${t.widgetId} and k.customer_address = ${t.visitorId})
    and ${ofVisitor(t)}`;

type Raw = {
  id: string;
  direction: MessageDirection;
  author_kind: AuthorKind;
  agent_name: string | null;
  content: MessageContent;
  provider_message_id: string | null;
  created_at: Date | string;
};

async function select(orm: Orm, query: SQL): Promise<VisitorMessageRow[]> {
  const result = await orm.execute<Raw>(query);
  return result.rows.map((r) => ({
    id: r.id,
    direction: r.direction,
    authorKind: r.author_kind,
    agentName: r.agent_name,
    content: r.content,
    providerMessageId: r.provider_message_id,
    createdAt: new Date(r.created_at),
  }));
}

/**
 * A page of the visitor's chat, oldest first: with `after` (a message of this chat) the messages
 * from shortly before it on, else (or when `after` is not theirs) the newest page.
 */
export async function listVisitorMessages(
  orm: Orm,
  thread: VisitorThread,
  after?: string,
): Promise<VisitorMessageRow[]> {
  if (after) {
    const rows = await select(
      orm,
      sql`select ${COLUMNS} ${inThread(thread)}
        and m.created_at >= (select m.created_at - ${CATCH_UP_OVERLAP} ${inThread(thread)} and m.id = ${after})
        order by m.created_at, m.id limit ${VISITOR_PAGE_SIZE}`,
    );
    // The `after` message itself is always within the overlap: none means it is not this visitor's.
    if (rows.length > 0) return rows;
  }
  return select(
    orm,
    sql`select * from (select ${COLUMNS} ${inThread(thread)} order by m.created_at desc, m.id desc
      limit ${VISITOR_PAGE_SIZE}) newest order by created_at, id`,
  );
}

/** One message of the visitor's chat, whatever its state (the caller pushes it), or undefined when it is not. */
export async function findVisitorMessage(
  orm: Orm,
  thread: VisitorThread,
  messageId: string,
): Promise<VisitorMessageRow | undefined> {
  const [row] = await select(
    orm,
    sql`select ${COLUMNS} from messages m left join users u on u.id = m.author_user_id
      where m.id = ${messageId} and ${ofThread(thread)}`,
  );
  return row;
}

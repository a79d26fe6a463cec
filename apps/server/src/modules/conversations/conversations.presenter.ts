import {
  type Conversation,
  type ConversationListItem,
  type LogValue,
  type MessagePreview,
  type PersonRef,
  previewText,
  type TagRef,
  type TimelineItem,
} from '@parley/contracts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { customers } from '../customers/customers.schema.ts';
import type { MessageContent } from '../messages/messages.schema.ts';
import { messages } from '../messages/messages.schema.ts';
import { notes } from '../messages/notes.schema.ts';
import { queues } from '../queues/queues.schema.ts';
import { tags } from '../tags/tags.schema.ts';
import { users } from '../users/users.schema.ts';
import { type ConversationLogValue, conversationLog } from './conversation-log.schema.ts';
import { conversations, conversationTags } from './conversations.schema.ts';
import { unreadCounts } from './read-state.service.ts';

// One presenter per entity (ARCHITECTURE §4): every list, get, realtime push and mutation answer
// shapes conversations and timeline entries here, in a fixed number of queries per batch.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function tagsOf(orm: Orm, ids: readonly string[]): Promise<Map<string, TagRef[]>> {
  const rows = await orm
    .select({
      conversationId: conversationTags.conversationId,
      id: tags.id,
      name: tags.name,
      color: tags.color,
    })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(inArray(conversationTags.conversationId, [...ids]))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
  const byConversation = new Map<string, TagRef[]>();
  for (const { conversationId, ...tag } of rows) {
    const list = byConversation.get(conversationId) ?? [];
    list.push(tag);
    byConversation.set(conversationId, list);
  }
  return byConversation;
}

/** A conversation without the viewer's unread count: what every viewer sees alike. */
export type SharedConversation = Omit<Conversation, 'unreadCount'>;

async function presentShared(orm: Orm, ids: readonly string[]): Promise<SharedConversation[]> {
  const [rows, tagMap] = await Promise.all([
    orm
      .select({
        conv: conversations,
        queueName: queues.name,
        assigneeName: users.displayName,
        customerName: customers.name,
      })
      .from(conversations)
      .leftJoin(queues, eq(queues.id, conversations.queueId))
      .leftJoin(users, eq(users.id, conversations.assigneeUserId))
      .leftJoin(customers, eq(customers.id, conversations.customerId))
      .where(inArray(conversations.id, [...ids])),
    tagsOf(orm, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.conv.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { conv } = row;
    return [
      {
        id: conv.id,
        number: conv.number,
        topic: conv.topic,
        status: conv.status,
        priority: conv.priority,
        queue: conv.queueId && row.queueName !== null ? { id: conv.queueId, name: row.queueName } : null,
        assignee:
          conv.assigneeUserId && row.assigneeName !== null
            ? { id: conv.assigneeUserId, displayName: row.assigneeName }
            : null,
        customer: { id: conv.customerId, name: row.customerName, address: conv.customerAddress },
        channels: conv.channels,
        tags: tagMap.get(conv.id) ?? [],
        summary: conv.summary,
        createdAt: conv.createdAt.toISOString(),
        updatedAt: conv.updatedAt.toISOString(),
        lastCustomerMessageAt: iso(conv.lastCustomerMessageAt),
        pendingSince: iso(conv.pendingSince),
        closedAt: iso(conv.closedAt),
      },
    ];
  });
}

/** Conversations as every viewer sees them alike (realtime pushes), in the order given; missing ones are left out. */
export function presentSharedConversations(db: Db, ids: readonly string[]): Promise<SharedConversation[]> {
  return ids.length === 0 ? Promise.resolve([]) : presentShared(db.orm, ids);
}

/** One conversation as every viewer sees it alike (realtime pushes); 404 when it does not exist. */
export async function presentSharedConversation(db: Db, id: string): Promise<SharedConversation> {
  const [conversation] = await presentShared(db.orm, [id]);
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

/**
 * Presents the conversations with these ids as `viewerUserId` sees them (unread count), in the
 * order given; ids that do not exist are left out. Visibility is the caller's business.
 */
export async function presentConversations(
  db: Db,
  ids: readonly string[],
  viewerUserId: string,
): Promise<Conversation[]> {
  if (ids.length === 0) return [];
  const [shared, unread] = await Promise.all([
    presentShared(db.orm, ids),
    unreadCounts(db.orm, ids, viewerUserId),
  ]);
  return shared.map((c) => ({ ...c, unreadCount: unread.get(c.id) ?? 0 }));
}

/** One conversation as the viewer sees it; 404 when it does not exist. */
export async function presentConversation(db: Db, id: string, viewerUserId: string): Promise<Conversation> {
  const [conversation] = await presentConversations(db, [id], viewerUserId);
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

async function lastCustomerMessages(orm: Orm, ids: readonly string[]): Promise<Map<string, MessagePreview>> {
  // One index probe per conversation (messages_conversation_created_idx, read backwards).
  const result = await orm.execute<{
    conversation_id: string;
    content_type: MessagePreview['contentType'];
    content: MessageContent;
    created_at: string | Date;
  }>(sql`
    select ids.id as conversation_id, m.content_type, m.content, m.created_at
    from unnest(${`{${ids.join(',')}}`}::uuid[]) as ids(id)
    cross join lateral (
      select content_type, content, created_at from ${messages}
      where conversation_id = ids.id and direction = 'INBOUND'
      order by created_at desc, id desc limit 1
    ) m`);
  return new Map(
    result.rows.map((r) => [
      r.conversation_id,
      {
        contentType: r.content_type,
        text: previewText(r.content),
        createdAt: new Date(r.created_at).toISOString(),
      },
    ]),
  );
}

/** List rows: the conversations plus a preview of each one's last customer message. */
export async function presentConversationListItems(
  db: Db,
  ids: readonly string[],
  viewerUserId: string,
): Promise<ConversationListItem[]> {
  if (ids.length === 0) return [];
  const [items, previews] = await Promise.all([
    presentConversations(db, ids, viewerUserId),
    lastCustomerMessages(db.orm, ids),
  ]);
  return items.map((c) => ({ ...c, lastCustomerMessage: previews.get(c.id) ?? null }));
}

/** A timeline entry to present: which table it lives in and its id. */
export interface TimelineKey {
  type: TimelineItem['type'];
  id: string;
}

async function peopleById(orm: Orm, ids: ReadonlySet<string>): Promise<Map<string, PersonRef>> {
  if (ids.size === 0) return new Map();
  const rows = await orm
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

type LogRow = typeof conversationLog.$inferSelect;

/** Resolves log values to labels: people for assignments, names for queues and tags (deleted ones too), numbers for merges. */
async function logLabeller(orm: Orm, rows: readonly LogRow[], people: Map<string, PersonRef>) {
  const ids = (kind: LogRow['kind']) =>
    rows
      .filter((r) => r.kind === kind)
      .flatMap((r) => [r.from, r.to])
      .filter((v): v is string => typeof v === 'string');
  const queueIds = ids('queue');
  const tagIds = ids('tag');
  const mergedIds = ids('merge');
  const [queueRows, tagRows, mergedRows] = await Promise.all([
    queueIds.length ? orm.select().from(queues).where(inArray(queues.id, queueIds)) : [],
    tagIds.length ? orm.select().from(tags).where(inArray(tags.id, tagIds)) : [],
    mergedIds.length
      ? orm
          .select({ id: conversations.id, number: conversations.number })
          .from(conversations)
          .where(inArray(conversations.id, mergedIds))
      : [],
  ]);
  const queueNames = new Map(queueRows.map((q) => [q.id, q.name]));
  const tagNames = new Map(tagRows.map((t) => [t.id, t.name]));
  const numbers = new Map(mergedRows.map((c) => [c.id, `#${c.number}`]));
  return (kind: LogRow['kind'], v: ConversationLogValue): LogValue | null => {
    if (v === null) return null;
    if (typeof v === 'object')
      return { value: v.userId, label: people.get(v.userId)?.displayName ?? 'Unknown user' };
    if (kind === 'queue') return { value: v, label: queueNames.get(v) ?? 'Deleted queue' };
    if (kind === 'tag') return { value: v, label: tagNames.get(v) ?? 'Deleted tag' };
    if (kind === 'merge') return { value: v, label: numbers.get(v) ?? 'a deleted conversation' };
    return { value: v, label: v };
  };
}

/** Presents timeline entries (messages, notes, log entries) in the order given; missing ones are left out. */
export async function presentTimelineItems(db: Db, keys: readonly TimelineKey[]): Promise<TimelineItem[]> {
  const orm = db.orm;
  const idsOf = (type: TimelineKey['type']) => keys.filter((k) => k.type === type).map((k) => k.id);
  const [messageIds, noteIds, logIds] = [idsOf('message'), idsOf('note'), idsOf('log')];
  const [messageRows, noteRows, logRows] = await Promise.all([
    messageIds.length ? orm.select().from(messages).where(inArray(messages.id, messageIds)) : [],
    noteIds.length ? orm.select().from(notes).where(inArray(notes.id, noteIds)) : [],
    logIds.length ? orm.select().from(conversationLog).where(inArray(conversationLog.id, logIds)) : [],
  ]);
  const personIds = new Set<string>();
  for (const m of messageRows) if (m.authorUserId) personIds.add(m.authorUserId);
  for (const n of noteRows) personIds.add(n.authorUserId);
  for (const l of logRows) {
    if (l.actorUserId) personIds.add(l.actorUserId);
    for (const v of [l.from, l.to]) if (v && typeof v === 'object') personIds.add(v.userId);
  }
  const people = await peopleById(orm, personIds);
  const label = await logLabeller(orm, logRows, people);
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);

  const items = new Map<string, TimelineItem>();
  for (const m of messageRows) {
    items.set(`message:${m.id}`, {
      type: 'message',
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      from: m.fromAddress,
      to: m.toAddress,
      authorKind: m.authorKind,
      author: person(m.authorUserId),
      contentType: m.contentType,
      content: m.content,
      deliveryState: m.deliveryState,
      ...(m.failureReason !== null && { failureReason: m.failureReason }),
      clientId: m.clientId,
      createdAt: m.createdAt.toISOString(),
    });
  }
  for (const n of noteRows) {
    items.set(`note:${n.id}`, {
      type: 'note',
      id: n.id,
      author: person(n.authorUserId) ?? { id: n.authorUserId, displayName: 'Unknown user' },
      text: n.text,
      createdAt: n.createdAt.toISOString(),
    });
  }
  for (const l of logRows) {
    items.set(`log:${l.id}`, {
      type: 'log',
      id: l.id,
      kind: l.kind,
      from: label(l.kind, l.from),
      to: label(l.kind, l.to),
      actorKind: l.actorKind,
      actor: person(l.actorUserId),
      createdAt: l.createdAt.toISOString(),
    });
  }
  return keys.flatMap((k) => items.get(`${k.type}:${k.id}`) ?? []);
}

/** One timeline entry (e.g. the message a send route just stored); 404 when it does not exist. */
export async function presentTimelineItem(db: Db, key: TimelineKey): Promise<TimelineItem> {
  const [item] = await presentTimelineItems(db, [key]);
  if (!item) throw notFound(key.type === 'message' ? 'Message' : key.type === 'note' ? 'Note' : 'Log entry');
  return item;
}

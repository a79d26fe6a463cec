import type {
  AuthorKind,
  Channel,
  ConversationStatus,
  MessageContentType,
  Priority,
} from '@parley/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Orm } from '../../platform/db/client.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import { customers } from '../customers/customers.schema.ts';
import { type MessageContent, messages } from '../messages/messages.schema.ts';
import { notes } from '../messages/notes.schema.ts';
import { queues } from '../queues/queues.schema.ts';
import { users } from '../users/users.schema.ts';

/** What a transcript states about its conversation before the messages (D9). */
export interface TranscriptHeader {
  id: string;
  number: number;
  topic: string;
  status: ConversationStatus;
  priority: Priority;
  channels: Channel[];
  queueName: string | null;
  createdAt: Date;
  customerName: string | null;
  customerAddress: string | null;
  agentName: string | null;
}

const assignee = alias(users, 'assignee');

/** The headers of those of `ids` the viewer may see (D4), in no particular order. */
export function findVisibleTranscriptHeaders(
  orm: Orm,
  ids: readonly string[],
  viewer: Viewer,
): Promise<TranscriptHeader[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return orm
    .select({
      id: conversations.id,
      number: conversations.number,
      topic: conversations.topic,
      status: conversations.status,
      priority: conversations.priority,
      channels: conversations.channels,
      queueName: queues.name,
      createdAt: conversations.createdAt,
      customerName: customers.name,
      customerAddress: conversations.customerAddress,
      agentName: assignee.displayName,
    })
    .from(conversations)
    .leftJoin(queues, eq(queues.id, conversations.queueId))
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(assignee, eq(assignee.id, conversations.assigneeUserId))
    .where(and(inArray(conversations.id, [...ids]), visibleTo(viewer)));
}

/** One line of a transcript: a message, or an internal note (kind `note`, no direction or channel). */
export interface TranscriptEntryRow {
  kind: 'message' | 'note';
  id: string;
  createdAt: Date;
  /** PostgreSQL's text of created_at, microseconds included: the keyset position. */
  key: string;
  direction: 'INBOUND' | 'OUTBOUND' | null;
  channel: Channel | null;
  authorKind: AuthorKind | null;
  authorName: string | null;
  fromAddress: string | null;
  contentType: MessageContentType | null;
  content: MessageContent | null;
  noteText: string | null;
}

/** Entries read per query, so a conversation of any length is streamed with bounded memory. */
const ENTRY_BATCH = 500;

/**
 * The conversation's messages (and notes when asked), oldest first, read in keyset batches along
 * the (conversation_id, created_at, id) indexes of both tables.
 */
export async function* readTranscriptEntries(
  orm: Orm,
  conversationId: string,
  includeNotes: boolean,
  batch = ENTRY_BATCH,
): AsyncGenerator<TranscriptEntryRow> {
  let after: { key: string; id: string } | undefined;
  for (;;) {
    const position = (table: string) =>
      after
        ? sql`and (${sql.raw(table)}.created_at, ${sql.raw(table)}.id) > (${after.key}::timestamptz, ${after.id}::uuid)`
        : sql``;
    const notesPart = includeNotes
      ? sql`union all (
          select 'note' as kind, n.id, n.created_at, n.created_at::text as key, null as direction, null as channel,
            null as author_kind, u.display_name as author_name, null as from_address, null as content_type,
            null::jsonb as content, n.text as note_text
          from ${notes} n join ${users} u on u.id = n.author_user_id
          where n.conversation_id = ${conversationId} ${position('n')}
          order by n.created_at, n.id limit ${batch})`
      : sql``;
    const result = await orm.execute<Record<string, unknown>>(sql`
      select * from ((
          select 'message' as kind, m.id, m.created_at, m.created_at::text as key, m.direction, m.channel,
            m.author_kind, u.display_name as author_name, m.from_address, m.content_type, m.content,
            null as note_text
          from ${messages} m left join ${users} u on u.id = m.author_user_id
          where m.conversation_id = ${conversationId} ${position('m')}
          order by m.created_at, m.id limit ${batch})
        ${notesPart}
      ) t order by created_at, id limit ${batch}`);
    for (const r of result.rows) {
      yield {
        kind: r.kind as TranscriptEntryRow['kind'],
        id: r.id as string,
        createdAt: new Date(r.created_at as string),
        key: r.key as string,
        direction: r.direction as TranscriptEntryRow['direction'],
        channel: r.channel as Channel | null,
        authorKind: r.author_kind as AuthorKind | null,
        authorName: r.author_name as string | null,
        fromAddress: r.from_address as string | null,
        contentType: r.content_type as MessageContentType | null,
        content: r.content as MessageContent | null,
        noteText: r.note_text as string | null,
      };
    }
    const last = result.rows.at(-1);
    if (result.rows.length < batch || !last) return;
    after = { key: last.key as string, id: last.id as string };
  }
}

import {
  CHANNELS,
  type Channel,
  CONVERSATION_STATUSES,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
} from '@parley/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { customers } from '../customers/customers.schema.ts';
import { queues } from '../queues/queues.schema.ts';
import { tags } from '../tags/tags.schema.ts';
import { users } from '../users/users.schema.ts';
import { inList } from './sql-in-list.ts';

/**
 * D2 conversations. The thread key (channel, our address, customer address) is what an inbound
 * message is threaded by; a partial unique index keeps at most one non-CLOSED conversation per key,
 * so threading can never find two candidates.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    /** Short human number ("#1042") shown in lists and transcripts; from an identity sequence. */
    number: integer('number').notNull().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(),
    status: text('status').notNull().default('OPEN').$type<ConversationStatus>(),
    priority: text('priority').notNull().default('NORMAL').$type<Priority>(),
    queueId: uuid('queue_id').references(() => queues.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    /** Null while the sender's address belongs to no customer profile (unknown customer, D6). */
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** Thread key: the channel the conversation started on … */
    channel: text('channel').$type<Channel>(),
    /** … our sender/destination on it (our number, page id, mailbox, widget id) … */
    ourAddress: text('our_address'),
    /** … and the customer's address on it. All three are set or none (a conversation made without a channel). */
    customerAddress: text('customer_address'),
    summary: text('summary'),
    /** Every channel the conversation has used; more than one makes it omnichannel (D2). */
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`).$type<Channel[]>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    lastCustomerMessageAt: timestamptz('last_customer_message_at'),
    /** Time of the first customer message still without an agent reply; null when nothing is pending. */
    pendingSince: timestamptz('pending_since'),
    closedAt: timestamptz('closed_at'),
    /** Free key/value data an integrator keeps on the conversation (`/ccaas/1/.../metadata`). */
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('conversations_number_key').on(t.number),
    uniqueIndex('conversations_open_thread_key')
      .on(t.channel, t.ourAddress, t.customerAddress)
      .where(sql`${t.status} <> 'CLOSED'`),
    index('conversations_thread_idx').on(t.channel, t.ourAddress, t.customerAddress, t.createdAt.desc()),
    index('conversations_status_pending_idx').on(t.status, t.pendingSince),
    index('conversations_assignee_status_last_customer_idx').on(
      t.assigneeUserId,
      t.status,
      t.lastCustomerMessageAt.desc(),
    ),
    index('conversations_queue_status_idx').on(t.queueId, t.status),
    index('conversations_customer_created_idx').on(t.customerId, t.createdAt.desc()),
    // Keyset pages of the /api lists (conversations.queries.ts): the same sort expressions, so the
    // default views read in index order instead of sorting every open conversation.
    index('conversations_open_pending_idx')
      .on(sql`coalesce(${t.pendingSince}, 'infinity'::timestamptz)`, t.id)
      .where(sql`${t.status} <> 'CLOSED'`),
    index('conversations_open_assignee_last_customer_idx')
      .on(t.assigneeUserId, sql`coalesce(${t.lastCustomerMessageAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`${t.status} <> 'CLOSED'`),
    index('conversations_created_idx').on(t.createdAt, t.id),
    // A queue's non-closed conversations in pending order: the queue views and their sidebar counts.
    index('conversations_open_queue_pending_idx')
      .on(t.queueId, sql`coalesce(${t.pendingSince}, 'infinity'::timestamptz)`, t.id)
      .where(sql`${t.status} <> 'CLOSED'`),
    // The priority quick filter and views of it (lists in pending order, sidebar counts).
    index('conversations_open_priority_pending_idx')
      .on(t.priority, sql`coalesce(${t.pendingSince}, 'infinity'::timestamptz)`, t.id)
      .where(sql`${t.status} <> 'CLOSED'`),
    // The list search (conversations.search.ts) finds substrings through trigrams.
    index('conversations_topic_trgm_idx').using('gin', t.topic.op('gin_trgm_ops')),
    index('conversations_customer_address_trgm_idx').using('gin', t.customerAddress.op('gin_trgm_ops')),
    check('conversations_status_check', sql`${t.status} in ${inList(CONVERSATION_STATUSES)}`),
    check('conversations_priority_check', sql`${t.priority} in ${inList(PRIORITIES)}`),
    check('conversations_channel_check', sql`${t.channel} in ${inList(CHANNELS)}`),
    check(
      'conversations_thread_key_complete',
      sql`(${t.channel} is null) = (${t.ourAddress} is null) and (${t.channel} is null) = (${t.customerAddress} is null)`,
    ),
    check('conversations_closed_at_check', sql`(${t.status} = 'CLOSED') = (${t.closedAt} is not null)`),
    check('conversations_closed_not_pending', sql`${t.status} <> 'CLOSED' or ${t.pendingSince} is null`),
  ],
);

/**
 * Conversation tags set on a conversation (D8); reports count conversations per tag. Catalogue tags
 * are soft-deleted, never removed, so the tag reference has no cascade: a cascade would change
 * CLOSED conversations and leave no change-log entry (D2).
 */
export const conversationTags = pgTable(
  'conversation_tags',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.tagId] }),
    // Covers the tag filter of the lists and counts: a tag's conversations without visiting rows.
    index('conversation_tags_tag_idx').on(t.tagId, t.conversationId),
  ],
);

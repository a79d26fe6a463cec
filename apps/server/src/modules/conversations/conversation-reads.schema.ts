import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { messages } from '../messages/messages.schema.ts';
import { users } from '../users/users.schema.ts';
import { conversations } from './conversations.schema.ts';

/**
 * D2 per-agent unread state, kept as a read cursor rather than a counter: the agent has read every
 * message up to and including `(last_read_message_at, last_read_message_id)` in timeline order.
 * Unread = INBOUND messages after the cursor (counted over the messages index), so an inbound
 * message needs no write per agent, and "mark unread" just moves the cursor back before a message.
 * No row means nothing read yet.
 */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null when the cursor sits before the first message (everything unread again). */
    lastReadMessageId: uuid('last_read_message_id').references(() => messages.id, { onDelete: 'set null' }),
    /** `created_at` of that message, copied so the unread count needs no join. */
    lastReadMessageAt: timestamptz('last_read_message_at'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);

/** D5 "Recently viewed": conversations a user opened, whoever they belong to. */
export const recentlyViewed = pgTable(
  'recently_viewed',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    viewedAt: timestamptz('viewed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.conversationId] }),
    index('recently_viewed_user_viewed_idx').on(t.userId, t.viewedAt.desc()),
  ],
);

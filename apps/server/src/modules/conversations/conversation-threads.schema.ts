import { CHANNELS, type Channel } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { conversations } from './conversations.schema.ts';
import { inList } from './sql-in-list.ts';

/**
 * D2 omnichannel: thread keys a conversation owns besides its own (channel, our address, customer
 * address) — taken over from conversations merged into it, or used by an agent's "change channel"
 * reply — so the customer's next message on that thread joins it. Among non-CLOSED conversations a
 * thread key has one owner (own key or extra), kept by the services under the thread-key lock.
 */
export const conversationThreadKeys = pgTable(
  'conversation_thread_keys',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().$type<Channel>(),
    ourAddress: text('our_address').notNull(),
    customerAddress: text('customer_address').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.channel, t.ourAddress, t.customerAddress] }),
    index('conversation_thread_keys_key_idx').on(t.channel, t.ourAddress, t.customerAddress),
    check('conversation_thread_keys_channel_check', sql`${t.channel} in ${inList(CHANNELS)}`),
  ],
);

import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelConnections } from '../../modules/channel-connections/channel-connections.schema.ts';
import { customers } from '../../modules/customers/customers.schema.ts';
import { messages } from '../../modules/messages/messages.schema.ts';
import { timestamptz } from '../../platform/db/columns.ts';

/**
 * Live-chat visitors: one per browser that opened a session on a widget. The id is the visitor's
 * address on LIVE_CHAT (a conversation's customer address); the token the widget keeps in the
 * visitor's localStorage is stored only as its SHA-256.
 */
export const livechatVisitors = pgTable(
  'livechat_visitors',
  {
    id: uuid('id').primaryKey(),
    /** The widget's live-chat connection. */
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id),
    tokenHash: text('token_hash').notNull(),
    /** Pre-chat answers, as the visitor typed them. */
    name: text('name'),
    email: text('email'),
    /** The profile made from the pre-chat answers (D6); null for an anonymous visitor. */
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /**
     * The latest visitor message an agent has read, kept monotonic here (an agent's "mark unread"
     * moves only their own cursor back), so "Seen" never disappears from the visitor's screen.
     */
    seenUpToMessageId: uuid('seen_up_to_message_id').references(() => messages.id, { onDelete: 'set null' }),
    seenUpToAt: timestamptz('seen_up_to_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('livechat_visitors_token_hash_key').on(t.tokenHash)],
);

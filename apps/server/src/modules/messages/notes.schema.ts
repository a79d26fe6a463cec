import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { users } from '../users/users.schema.ts';

/** D2 internal notes between agents: shown in the timeline, never sent to the customer. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('notes_conversation_created_idx').on(t.conversationId, t.createdAt, t.id)],
);

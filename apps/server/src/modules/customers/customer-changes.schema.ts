import { CUSTOMER_CHANGE_KINDS, type CustomerChangeKind } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { inList } from '../conversations/sql-in-list.ts';
import { users } from '../users/users.schema.ts';
import { customers } from './customers.schema.ts';

/** What a recorded change says beyond its kind (names are kept as they were at the time). */
export interface CustomerChangeDetails {
  /** merged: the profile merged away and what moved with it. */
  mergedName?: string | null;
  conversations?: number;
  destinations?: number;
  /** conversation_(un)linked: the conversation's number and address, and the other profile involved. */
  conversationNumber?: number;
  address?: string | null;
  /** Whether linking moved or added the conversation's address to this profile, or unlinking removed it. */
  addressChanged?: boolean;
}

/** Changes recorded on a profile: merges and conversations linked to it or unlinked from it (D6). */
export const customerChanges = pgTable(
  'customer_changes',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().$type<CustomerChangeKind>(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    details: jsonb('details').notNull().$type<CustomerChangeDetails>(),
    /** The person who made the change; null for an integration (API key). */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_changes_customer_created_idx').on(t.customerId, t.createdAt.desc()),
    check('customer_changes_kind_check', sql`${t.kind} in ${inList(CUSTOMER_CHANGE_KINDS)}`),
  ],
);

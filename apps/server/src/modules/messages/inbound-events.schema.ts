import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';

/**
 * Raw provider webhook bodies, stored before the webhook is acknowledged so nothing is lost if the
 * process dies afterwards; the inbound-events processor turns them into messages and reports.
 */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: uuid('id').primaryKey(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id),
    /** The webhook body exactly as the provider posted it. */
    payload: jsonb('payload').notNull(),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
    processedAt: timestamptz('processed_at'),
    /** Processing attempts so far (a claim counts as one). */
    attempts: integer('attempts').notNull().default(0),
    /** Why the last attempt failed. */
    lastError: text('last_error'),
    /** When the row may be claimed (again): a claim leases it, a failure backs it off. */
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
  },
  (t) => [
    index('inbound_events_pending_idx').on(t.nextAttemptAt).where(sql`${t.processedAt} is null`),
    index('inbound_events_processed_idx').on(t.processedAt).where(sql`${t.processedAt} is not null`),
  ],
);

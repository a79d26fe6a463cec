import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The outbox: every domain event, written in the transaction that caused it. See docs/events.md. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Set once every handler has succeeded; rows still null are picked up by the sweeper. */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    /** Failed dispatch attempts so far. */
    attempts: integer('attempts').notNull().default(0),
    /** When the sweeper may (re)dispatch the row: a grace period after commit, then retry backoff. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Positions (in registration order for the type) of handlers that already succeeded; skipped on retry. */
    doneHandlers: integer('done_handlers').array().notNull().default(sql`'{}'::integer[]`),
    lastError: text('last_error'),
    /** Dead letter: set when the last allowed attempt failed; the sweeper no longer touches the row. */
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_events_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.dispatchedAt} is null and ${t.failedAt} is null`),
  ],
);

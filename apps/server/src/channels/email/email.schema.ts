import { customType, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Received messages exactly as the SMTP client sent them, stored before the DATA command is
 * answered. The inbound event names its row (`payload.rawId`) rather than carrying the bytes, so the
 * processor claims events without loading megabytes of mail at once. Kept 7 days, like the events.
 */
export const emailRawMessages = pgTable(
  'email_raw_messages',
  {
    id: uuid('id').primaryKey(),
    raw: bytea('raw').notNull(),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
  },
  (t) => [index('email_raw_messages_received_idx').on(t.receivedAt)],
);

/**
 * The References chain of every e-mail Parley received or sent, by Message-ID, so a reply can
 * carry its parent's chain plus the parent (RFC 5322 §3.6.4) long after the raw mail is gone.
 */
export const emailReferences = pgTable('email_references', {
  /** The Message-ID, angle brackets included. */
  messageId: text('message_id').primaryKey(),
  /** Its References, oldest first (In-Reply-To when it had no References). */
  references: text('references').array().notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

import { sql } from 'drizzle-orm';
import { customType, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';
import { users } from '../users/users.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files of messages: agents' uploads and customers' media. The bytes live in PostgreSQL with
 * everything else, so every Parley process serves them and one database backup holds them
 * (docs/channels.md "Attachments"). Select `content` only when serving the file.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    fileName: text('file_name').notNull(),
    /** The type the file's bytes showed (sniffed), from the allow-list. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 (hex) of the content: the download's ETag. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The agent who uploaded it; null for inbound media. */
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    /** The connection inbound media arrived on; null for uploads. */
    connectionId: uuid('connection_id').references(() => channelConnections.id),
    /** The provider's id of inbound media: storing it again returns the stored file. */
    sourceKey: text('source_key'),
    /** Random key of this file's signed public URLs (providers fetch media with them). */
    urlKey: text('url_key').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attachments_source_key')
      .on(t.connectionId, t.sourceKey)
      .where(sql`${t.sourceKey} is not null`),
  ],
);

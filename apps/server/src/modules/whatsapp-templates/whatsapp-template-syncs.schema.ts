import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';

/**
 * D7: how the last synchronisation of each WhatsApp connection with the provider's template
 * registry went, so supervisors see stale or failing registries on the WhatsApp templates screen.
 */
export const whatsappTemplateSyncs = pgTable('whatsapp_template_syncs', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => channelConnections.id, { onDelete: 'cascade' }),
  /** When the registry was last read successfully; null before the first success. */
  syncedAt: timestamptz('synced_at'),
  /** When the last attempt ended, successful or not. */
  attemptedAt: timestamptz('attempted_at').notNull(),
  /** Why the last attempt failed; null when it succeeded. */
  error: text('error'),
});

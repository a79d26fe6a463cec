import {
  CHANNEL_PROVIDERS,
  type ChannelProvider,
  CONNECTION_CHANNELS,
  type ConnectionChannel,
} from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { inList } from '../conversations/sql-in-list.ts';

/**
 * A provider account an admin connected for one channel and one sender of ours. Inbound webhooks
 * name their connection; outbound replies find theirs by (channel, sender). The provider's adapter
 * (channels/<provider>/adapter.ts) owns the shape of `settings`.
 */
export const channelConnections = pgTable(
  'channel_connections',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull().$type<ConnectionChannel>(),
    provider: text('provider').notNull().$type<ChannelProvider>(),
    name: text('name').notNull(),
    /** Our address on the channel: number or sender id, bot username, e-mail address, widget id. */
    sender: text('sender').notNull(),
    /**
     * The provider's settings as its adapter's schema parsed them (secrets included: only their
     * last four characters ever leave the server).
     */
    settings: jsonb('settings').notNull().$type<Record<string, unknown>>().default({}),
    /**
     * SHA-256 (hex) of the generated password the provider presents on our webhook. The password
     * itself is shown to the admin once (create, rotate) and never stored.
     */
    webhookSecretHash: text('webhook_secret_hash').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Replies pick the connection by channel and sender, so two enabled ones would be ambiguous.
    uniqueIndex('channel_connections_enabled_sender_key').on(t.channel, t.sender).where(sql`${t.enabled}`),
    check('channel_connections_channel_check', sql`${t.channel} in ${inList(CONNECTION_CHANNELS)}`),
    check('channel_connections_provider_check', sql`${t.provider} in ${inList(CHANNEL_PROVIDERS)}`),
  ],
);

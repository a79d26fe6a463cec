import type { BotKind, Channel, KeywordRule } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { conversations } from '../conversations/conversations.schema.ts';

/** D4 bots: external (webhook) or Parley's built-in keyword auto-reply bot. Deleted ones stay for history. */
export const bots = pgTable(
  'bots',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull().$type<BotKind>(),
    enabled: boolean('enabled').notNull().default(true),
    channel: text('channel').$type<Channel>(),
    destination: text('destination'),
    webhookUrl: text('webhook_url'),
    /** HMAC-SHA256 key of the webhook signature; kept readable because Parley signs with it. */
    signingSecret: text('signing_secret'),
    sessionTimeoutSeconds: integer('session_timeout_seconds').notNull().default(86400),
    keywordRules: jsonb('keyword_rules').notNull().default([]).$type<KeywordRule[]>(),
    handoverKeywords: text('handover_keywords').array().notNull().default(sql`'{}'::text[]`),
    fallbackReply: text('fallback_reply'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    deletedAt: timestamptz('deleted_at'),
  },
  (t) => [check('bots_kind_check', sql`${t.kind} in ('WEBHOOK', 'KEYWORD')`)],
);

/**
 * A conversation held by a bot (D3: assigned to one agent or one bot). The conversation itself stays
 * without an agent; the row ends (is deleted) when the bot hands over or a person takes it.
 */
export const botSessions = pgTable(
  'bot_sessions',
  {
    conversationId: uuid('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    /** The session times out this long after the last customer message (the bot's setting). */
    lastCustomerMessageAt: timestamptz('last_customer_message_at').notNull().defaultNow(),
  },
  (t) => [index('bot_sessions_bot_idx').on(t.botId)],
);

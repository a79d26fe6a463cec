import {
  type TemplatePlaceholder,
  WHATSAPP_TEMPLATE_CATEGORIES,
  WHATSAPP_TEMPLATE_STATUSES,
  type WhatsAppHeaderFormat,
  type WhatsAppTemplateButton,
  type WhatsAppTemplateCategory,
  type WhatsAppTemplateStatus,
} from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';
import { inList } from '../conversations/sql-in-list.ts';

/**
 * D7 WhatsApp pre-registered templates of one WhatsApp connection (our sender), as the provider's
 * template registry holds them, with their approval state. Parley never edits them: the channel's
 * synchronisation writes them, `/ccaas/1/templates` lists them (`external: true`).
 */
export const whatsappTemplates = pgTable(
  'whatsapp_templates',
  {
    id: uuid('id').primaryKey(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id, { onDelete: 'cascade' }),
    /** The provider's template id. */
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    /** WhatsApp language code (`en`, `pt_BR`). */
    language: text('language').notNull(),
    category: text('category').notNull().$type<WhatsAppTemplateCategory>(),
    status: text('status').notNull().$type<WhatsAppTemplateStatus>(),
    /** Body text with numbered placeholders `{{1}}`, `{{2}}` … the agent fills. */
    body: text('body').notNull(),
    /** Text header, if the template has one. */
    header: text('header'),
    /** The header's kind (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, GIF); null without a header. */
    headerFormat: text('header_format').$type<WhatsAppHeaderFormat>(),
    footer: text('footer'),
    buttons: jsonb('buttons').notNull().default([]).$type<WhatsAppTemplateButton[]>(),
    /** What an agent fills to send it (header, body and button values), from the components. */
    placeholders: jsonb('placeholders').notNull().default([]).$type<TemplatePlaceholder[]>(),
    /** Why Parley cannot send it (a carousel, a flow button …); null when it can. */
    unsupportedReason: text('unsupported_reason'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('whatsapp_templates_connection_external_key').on(t.connectionId, t.externalId),
    check('whatsapp_templates_category_check', sql`${t.category} in ${inList(WHATSAPP_TEMPLATE_CATEGORIES)}`),
    check('whatsapp_templates_status_check', sql`${t.status} in ${inList(WHATSAPP_TEMPLATE_STATUSES)}`),
  ],
);

import { CHANNELS, type Channel, TEMPLATE_LANGUAGE_CODES, type TemplateLanguage } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { inList } from '../conversations/sql-in-list.ts';
import { tags } from '../tags/tags.schema.ts';

/**
 * D7 user-defined templates. Deleting one removes it (sent messages carry their own copy of the
 * text). Names are unique per language ignoring case, so a greeting may exist once per language.
 */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** With `{{variable}}` tokens, filled in the browser when an agent inserts it. */
    text: text('text').notNull(),
    language: text('language').notNull().$type<TemplateLanguage>(),
    /** The only channel it may be used on; null for every channel. */
    channel: text('channel').$type<Channel>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('templates_language_name_key').on(t.language, sql`lower(${t.name})`),
    check('templates_language_check', sql`${t.language} in ${inList(TEMPLATE_LANGUAGE_CODES)}`),
    check('templates_channel_check', sql`${t.channel} in ${inList(CHANNELS)}`),
  ],
);

/** Template tags on a template (tags of kind `template`; deleting the tag removes these rows). */
export const templateTags = pgTable(
  'template_tags',
  {
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.tagId] }), index('template_tags_tag_idx').on(t.tagId)],
);

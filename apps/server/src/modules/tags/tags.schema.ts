import { TAG_KINDS, type TagKind } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { inList } from '../conversations/sql-in-list.ts';

/**
 * D8 tag catalogue. Conversation tags and template tags are separate vocabularies (as in the
 * public API), so a name is unique case-insensitively within its kind, among live tags. A deleted
 * tag is kept (with `deleted_at`) because CLOSED conversations still carry it and never change.
 */
export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** `#rrggbb`, shown as the chip colour. */
    color: text('color').notNull(),
    kind: text('kind').notNull().$type<TagKind>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    deletedAt: timestamptz('deleted_at'),
  },
  (t) => [
    uniqueIndex('tags_kind_name_key').on(t.kind, sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`),
    check('tags_kind_check', sql`${t.kind} in ${inList(TAG_KINDS)}`),
    check('tags_color_check', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);

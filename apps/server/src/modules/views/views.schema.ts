import type { ViewFilters, ViewScope } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { users } from '../users/users.schema.ts';

/**
 * D5 custom views of ALL WORK: saved list filters. A private view belongs to its creator alone; a
 * global one (made by a supervisor) is seen by everyone. Names are unique among the global views
 * and among each user's private views, so a sidebar never shows two alike.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    scope: text('scope').notNull().$type<ViewScope>(),
    /** The creator; the owner of a private view. */
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    /** The list query (contracts ViewFilters), as validated when saved. */
    filters: jsonb('filters').notNull().$type<ViewFilters>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('saved_views_creator_idx').on(t.createdByUserId),
    uniqueIndex('saved_views_private_name_key')
      .on(t.createdByUserId, sql`lower(${t.name})`)
      .where(sql`${t.scope} = 'private'`),
    uniqueIndex('saved_views_global_name_key').on(sql`lower(${t.name})`).where(sql`${t.scope} = 'global'`),
    check('saved_views_scope_check', sql`${t.scope} in ('private', 'global')`),
  ],
);

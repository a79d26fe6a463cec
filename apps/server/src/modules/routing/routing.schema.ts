import type { Priority } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { bots } from '../bots/bots.schema.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { queues } from '../queues/queues.schema.ts';

/** D4 routing rules, tried in `position` order; the first enabled match decides (docs/routing.md). */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The condition in the reference expression format, as the supervisor saved it. */
    expression: jsonb('expression').notNull().$type<Record<string, unknown>>(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    priority: text('priority').notNull().default('NORMAL').$type<Priority>(),
    tagIds: uuid('tag_ids').array().notNull().default(sql`'{}'::uuid[]`),
    botId: uuid('bot_id').references(() => bots.id),
    routeOnlyDuringWorkingHours: boolean('route_only_during_working_hours').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('routing_rules_position_key').on(t.position),
    check('routing_rules_priority_check', sql`${t.priority} in ('LOW', 'NORMAL', 'HIGH', 'URGENT')`),
  ],
);

/**
 * Conversations routing has run for on creation: the row makes the after-commit routing of a new
 * conversation idempotent (events are delivered at least once) and records which rule decided.
 */
export const conversationRouting = pgTable('conversation_routing', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  /** Null = no rule matched (Default queue). Rules are replaced as a list, so no foreign key. */
  ruleId: uuid('rule_id'),
  routedAt: timestamptz('routed_at').notNull().defaultNow(),
});

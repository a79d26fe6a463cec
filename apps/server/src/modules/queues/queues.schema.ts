import type { AssignmentAlgorithm, UnavailableHandling, WorkingHours } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { users } from '../users/users.schema.ts';

/**
 * D4 queues group conversations. Exactly one is the Default queue (partial unique index). A deleted
 * queue is kept (with `deleted_at`) because CLOSED conversations still name it and never change.
 */
export const queues = pgTable(
  'queues',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    deletedAt: timestamptz('deleted_at'),
    /** D4 automatic assignment on/off and how it picks an agent (docs/routing.md). */
    autoAssign: boolean('auto_assign').notNull().default(false),
    algorithm: text('algorithm').notNull().default('ROUND_ROBIN').$type<AssignmentAlgorithm>(),
    /** Prefer the customer's last agent within this many days; null = off. */
    stickyAgentDays: integer('sticky_agent_days'),
    onAgentUnavailable: text('on_agent_unavailable').notNull().default('KEEP').$type<UnavailableHandling>(),
    /** Null = always open. */
    workingHours: jsonb('working_hours').$type<WorkingHours>(),
    awayReply: text('away_reply'),
    /**
     * Default queue only (D4): every agent sees it (true) or only its members (false, a
     * supervisor's choice). Ignored on other queues, which only their members see.
     */
    openToAllAgents: boolean('open_to_all_agents').notNull().default(true),
  },
  (t) => [
    uniqueIndex('queues_name_key').on(sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`),
    uniqueIndex('queues_single_default_key').on(t.isDefault).where(sql`${t.isDefault}`),
    check('queues_algorithm_check', sql`${t.algorithm} in ('ROUND_ROBIN', 'LEAST_LOAD')`),
    check('queues_on_agent_unavailable_check', sql`${t.onAgentUnavailable} in ('KEEP', 'RETURN_TO_QUEUE')`),
  ],
);

/** The agents of a queue (D4); an assignee must be a member of the conversation's queue (D3). */
export const queueMembers = pgTable(
  'queue_members',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** When automatic assignment last gave this member a conversation of the queue (round robin turn). */
    lastAssignedAt: timestamptz('last_assigned_at'),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] }), index('queue_members_user_idx').on(t.userId)],
);

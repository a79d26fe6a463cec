import { sql } from 'drizzle-orm';
import { check, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { users } from '../users/users.schema.ts';

/** A supervisor's per-agent capacity override (D1); agents without a row have LIMITS.agentCapacity. */
export const agentCapacities = pgTable(
  'agent_capacities',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    capacity: integer('capacity').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('agent_capacities_capacity_check', sql`${t.capacity} between 0 and 100`)],
);

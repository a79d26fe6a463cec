import { type Agent, LIMITS } from '@parley/contracts';
import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { users } from '../users/users.schema.ts';

/**
 * Enabled users with the agent role, with live availability, load (their assigned non-CLOSED
 * conversations) and the queues they belong to; by display name. Capacity is the D1 default for
 * everyone: there is no per-agent setting yet.
 */
export async function listAgents(orm: Orm): Promise<Agent[]> {
  // `${users}.id` spelled out: Drizzle leaves a column unqualified in a one-table select, and inside
  // these subqueries an unqualified `id` would mean the subquery's own table.
  const rows = await orm
    .select({
      id: users.id,
      displayName: users.displayName,
      availability: users.availability,
      availabilityChangedAt: users.availabilityChangedAt,
      load: sql<number>`(select count(*)::int from conversations c
        where c.assignee_user_id = ${users}.id and c.status <> 'CLOSED')`,
      queueIds: sql<string[]>`array(select m.queue_id from queue_members m
        join queues q on q.id = m.queue_id and q.deleted_at is null
        where m.user_id = ${users}.id order by m.queue_id)`,
    })
    .from(users)
    .where(and(eq(users.enabled, true), arrayContains(users.roles, ['agent'])))
    .orderBy(asc(sql`lower(${users.displayName})`), asc(users.id));
  return rows.map((row) => ({
    ...row,
    availabilityChangedAt: row.availabilityChangedAt.toISOString(),
    capacity: LIMITS.agentCapacity,
  }));
}

import type { AgentCapacity } from '@parley/contracts';
import { LIMITS } from '@parley/contracts';
import { arrayContains, asc, eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { filterAgentIds } from '../queues/queues.repo.ts';
import { users } from '../users/users.schema.ts';
import { agentCapacities } from './assignment.schema.ts';

/** Every enabled agent's capacity for automatic assignment (D1): their override, else the default. */
export async function listAgentCapacities(orm: Orm): Promise<AgentCapacity[]> {
  const rows = await orm
    .select({ userId: users.id, displayName: users.displayName, override: agentCapacities.capacity })
    .from(users)
    .leftJoin(agentCapacities, eq(agentCapacities.userId, users.id))
    .where(arrayContains(users.roles, ['agent']))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((r) => ({ ...r, capacity: r.override ?? LIMITS.agentCapacity }));
}

/**
 * A supervisor sets (or with null clears) an agent's capacity override. Emits
 * `agent.capacity_changed`: more room lets automatic assignment pull waiting conversations. A lower
 * capacity takes nothing away; the agent just gets no more until under it.
 */
export function setAgentCapacity(events: Events, userId: string, capacity: number | null): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    if ((await filterAgentIds(tx, [userId])).length === 0) throw notFound('Agent');
    if (capacity === null) await tx.delete(agentCapacities).where(eq(agentCapacities.userId, userId));
    else {
      await tx
        .insert(agentCapacities)
        .values({ userId, capacity })
        .onConflictDoUpdate({ target: agentCapacities.userId, set: { capacity, updatedAt: new Date() } });
    }
    emit('agent.capacity_changed', { userId, capacity: capacity ?? LIMITS.agentCapacity });
  });
}

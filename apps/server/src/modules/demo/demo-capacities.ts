import { LIMITS } from '@parley/contracts';
import type { agentCapacities } from '../assignment/assignment.schema.ts';
import type { DemoConversationRow } from './demo-types.ts';

/** Conversations that count towards an agent's load (docs/routing.md: OPEN and WAITING). */
const LOAD_STATUSES = new Set(['OPEN', 'WAITING']);

/**
 * Capacity overrides so the demo agents, who each hold far more conversations than the default
 * capacity, are not shown over capacity on the dashboard: the load rounded up to a multiple of 5,
 * plus 5 free places (at most 100), only for agents above the default.
 */
export function demoCapacities(
  conversations: readonly DemoConversationRow[],
): (typeof agentCapacities.$inferInsert)[] {
  const load = new Map<string, number>();
  for (const c of conversations) {
    if (c.assigneeUserId && LOAD_STATUSES.has(c.status ?? '')) {
      load.set(c.assigneeUserId, (load.get(c.assigneeUserId) ?? 0) + 1);
    }
  }
  return [...load]
    .filter(([, held]) => held > LIMITS.agentCapacity)
    .map(([userId, held]) => ({ userId, capacity: Math.min(100, Math.ceil(held / 5) * 5 + 5) }));
}

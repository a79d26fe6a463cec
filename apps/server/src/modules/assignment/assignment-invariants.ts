import { LIMITS } from '@parley/contracts';
import type { Db } from '../../platform/db/client.ts';

// The invariants of automatic assignment, checked against the database by the concurrency and
// property tests and by the routing bench.

export interface InvariantReport {
  /** Agents holding more OPEN/WAITING conversations than their capacity. */
  overCapacity: { userId: string; load: number; capacity: number }[];
  /** Conversations whose agent is not a member of their (non-Default) queue. */
  outsideQueue: string[];
  /** Queues with automatic assignment where a conversation waits while an Active member has room. */
  stalled: string[];
  /** Conversations still held by an Away/Offline agent in a queue that returns them. */
  notReturned: string[];
}

/** Checks every invariant; `queueIds` limits the check to these queues' conversations and members. */
export async function checkAssignmentInvariants(
  db: Db,
  queueIds: readonly string[],
): Promise<InvariantReport> {
  const q = async <T>(text: string) => (await db.pool.query(text, [queueIds])).rows as T[];
  const overCapacity = await q<{ userId: string; load: number; capacity: number }>(`
    select c.assignee_user_id as "userId", count(*)::int as load,
      coalesce(max(ac.capacity), ${LIMITS.agentCapacity})::int as capacity
    from conversations c left join agent_capacities ac on ac.user_id = c.assignee_user_id
    where c.queue_id = any($1) and c.assignee_user_id is not null and c.status in ('OPEN', 'WAITING')
    group by c.assignee_user_id
    having count(*) > coalesce(max(ac.capacity), ${LIMITS.agentCapacity})`);
  const outsideQueue = await q<{ id: string }>(`
    select c.id from conversations c join queues qu on qu.id = c.queue_id
    where c.queue_id = any($1) and c.assignee_user_id is not null and not qu.is_default
      and not exists (select 1 from queue_members m where m.queue_id = c.queue_id and m.user_id = c.assignee_user_id)`);
  const stalled = await q<{ id: string }>(`
    select qu.id from queues qu
    where qu.id = any($1) and qu.auto_assign
      and exists (select 1 from conversations c where c.queue_id = qu.id and c.status = 'OPEN'
        and c.assignee_user_id is null and not exists (select 1 from bot_sessions b where b.conversation_id = c.id))
      and exists (select 1 from queue_members m join users u on u.id = m.user_id
        where m.queue_id = qu.id and u.enabled and u.availability = 'ACTIVE'
          and (select count(*) from conversations c where c.assignee_user_id = u.id and c.status in ('OPEN', 'WAITING'))
            < coalesce((select capacity from agent_capacities where user_id = u.id), ${LIMITS.agentCapacity}))`);
  const notReturned = await q<{ id: string }>(`
    select c.id from conversations c join queues qu on qu.id = c.queue_id join users u on u.id = c.assignee_user_id
    where c.queue_id = any($1) and qu.on_agent_unavailable = 'RETURN_TO_QUEUE'
      and c.status in ('OPEN', 'WAITING') and u.availability in ('AWAY', 'OFFLINE')`);
  return {
    overCapacity,
    outsideQueue: outsideQueue.map((r) => r.id),
    stalled: stalled.map((r) => r.id),
    notReturned: notReturned.map((r) => r.id),
  };
}

export const NO_VIOLATIONS: InvariantReport = {
  overCapacity: [],
  outsideQueue: [],
  stalled: [],
  notReturned: [],
};

import { LIMITS } from '@parley/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { queueMembers } from '../queues/queues.schema.ts';
import type { Candidate } from './assignment.policy.ts';

// The SQL of automatic assignment. Locks: the queue's advisory lock serialises its runs across
// processes; the member's users row (FOR NO KEY UPDATE) serialises their load across queues and
// against their availability changes (setAvailability locks the row FOR UPDATE).

/** Statuses that count against an agent's capacity. */
export const LOAD_STATUSES = sql`('OPEN', 'WAITING')`;

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[];

/**
 * A conversation waiting in the queue: OPEN, without an agent or bot, routing done (a new
 * conversation in the Default queue waits for routing to settle it).
 */
function waitingIn(queueId: string | SQL) {
  return sql`conversations.queue_id = ${queueId} and conversations.status = 'OPEN'
    and conversations.assignee_user_id is null
    and not exists (select 1 from bot_sessions b where b.conversation_id = conversations.id)
    and (exists (select 1 from conversation_routing r where r.conversation_id = conversations.id)
      or not (select q.is_default from queues q where q.id = conversations.queue_id))`;
}

/** Takes the queue's transaction-scoped advisory lock. */
export async function lockQueueForAssignment(tx: Orm, queueId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`parley:assign:${queueId}`}, 0))`);
}

/** The next conversation waiting in the queue, locked: by priority, then by how long the customer has waited (pending since, else created). */
export async function lockNextWaiting(tx: Orm, queueId: string): Promise<ConversationRow | undefined> {
  const c = conversations;
  const [row] = await tx
    .select()
    .from(c)
    .where(waitingIn(queueId))
    .orderBy(
      sql`case ${c.priority} when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end`,
      sql`coalesce(${c.pendingSince}, ${c.createdAt})`,
      c.id,
    )
    .limit(1)
    .for('update');
  return row;
}

/** Whether a conversation (other than those locked by this transaction's changes) still waits in the queue. */
export async function hasWaiting(tx: Orm, queueId: string): Promise<boolean> {
  const result = await tx.execute(
    sql`select exists (select 1 from conversations where ${waitingIn(queueId)}) as more`,
  );
  return rowsOf<{ more: boolean }>(result)[0]?.more === true;
}

/** The queue's enabled agent members with availability, load, capacity and round-robin turn. */
export async function listCandidates(tx: Orm, queueId: string): Promise<Candidate[]> {
  const result = await tx.execute(sql`
    select m.user_id, u.availability, m.last_assigned_at,
      coalesce(ac.capacity, ${LIMITS.agentCapacity})::int as capacity,
      (select count(*) from conversations c
        where c.assignee_user_id = m.user_id and c.status in ${LOAD_STATUSES})::int as load
    from queue_members m
    join users u on u.id = m.user_id
    left join agent_capacities ac on ac.user_id = m.user_id
    where m.queue_id = ${queueId} and u.enabled and 'agent' = any(u.roles)`);
  return rowsOf<{
    user_id: string;
    availability: string;
    last_assigned_at: Date | string | null;
    capacity: number;
    load: number;
  }>(result).map((r) => ({
    userId: r.user_id,
    active: r.availability === 'ACTIVE',
    load: r.load,
    capacity: r.capacity,
    lastAssignedAt: r.last_assigned_at === null ? null : new Date(r.last_assigned_at).getTime(),
  }));
}

/** Locks the agent's row and reads what may have changed since the candidates were listed. */
export async function lockAgent(tx: Orm, userId: string): Promise<Candidate | undefined> {
  const result = await tx.execute(sql`
    select u.availability,
      coalesce((select capacity from agent_capacities where user_id = u.id), ${LIMITS.agentCapacity})::int as capacity
    from users u where u.id = ${userId} and u.enabled
    for no key update of u`);
  const [row] = rowsOf<{ availability: string; capacity: number }>(result);
  if (!row) return undefined;
  const [count] = rowsOf<{ load: number }>(
    await tx.execute(sql`select count(*)::int as load from conversations
      where assignee_user_id = ${userId} and status in ${LOAD_STATUSES}`),
  );
  return {
    userId,
    active: row.availability === 'ACTIVE',
    load: count?.load ?? 0,
    capacity: row.capacity,
    lastAssignedAt: null,
  };
}

/** Records the member's round-robin turn. */
export async function markAssigned(tx: Orm, queueId: string, userId: string): Promise<void> {
  await tx
    .update(queueMembers)
    .set({ lastAssignedAt: sql`clock_timestamp()` })
    .where(and(eq(queueMembers.queueId, queueId), eq(queueMembers.userId, userId)));
}

/**
 * The sticky agent: who last held a conversation of the same customer (or, for an unknown
 * customer, the same thread) within `days`, other than this conversation.
 */
export async function findStickyAgent(tx: Orm, conv: ConversationRow, days: number): Promise<string | null> {
  const sameCustomer = conv.customerId
    ? sql`c.customer_id = ${conv.customerId}`
    : conv.channel
      ? sql`c.customer_id is null and c.channel = ${conv.channel} and c.our_address = ${conv.ourAddress}
          and c.customer_address = ${conv.customerAddress}`
      : null;
  if (!sameCustomer) return null;
  const [row] = rowsOf<{ user_id: string }>(
    await tx.execute(sql`
      select c.assignee_user_id as user_id from conversations c
      where ${sameCustomer} and c.id <> ${conv.id} and c.assignee_user_id is not null
        and c.updated_at > now() - make_interval(days => ${days})
      order by c.updated_at desc limit 1`),
  );
  return row?.user_id ?? null;
}

/**
 * Queues with automatic assignment on where the user is a member and a conversation waits, neediest
 * first (the best waiting conversation's priority). Queues where nothing waits are not run at all.
 */
export async function listAutoQueuesOfMember(orm: Orm, userId: string): Promise<string[]> {
  const result = await orm.execute(sql`
    select q.id from queue_members m join queues q on q.id = m.queue_id
    cross join lateral (
      select min(case conversations.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end) as best
      from conversations where ${waitingIn(sql`q.id`)}
    ) w
    where m.user_id = ${userId} and q.auto_assign and q.deleted_at is null and w.best is not null
    order by w.best, q.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** The user's OPEN/WAITING conversations in queues that hand them back when the agent goes Away or Offline. */
export async function listReturnableConversations(orm: Orm, userId: string): Promise<string[]> {
  const result = await orm.execute(sql`
    select c.id from conversations c join queues q on q.id = c.queue_id
    where c.assignee_user_id = ${userId} and c.status in ${LOAD_STATUSES}
      and q.on_agent_unavailable = 'RETURN_TO_QUEUE'
    order by c.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

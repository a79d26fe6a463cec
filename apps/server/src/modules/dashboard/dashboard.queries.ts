import { type Availability, LIMITS } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';

// The supervisor dashboard's reads: a handful of aggregate queries, no per-agent round trips.

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[];

export interface AgentRow {
  id: string;
  displayName: string;
  availability: Availability;
  availabilityChangedAt: Date;
  load: number;
  capacity: number;
  queueIds: string[] | null;
}

/** Enabled agents with load (OPEN and WAITING conversations), capacity and queues. */
export async function readAgents(orm: Orm): Promise<AgentRow[]> {
  return rowsOf<AgentRow>(
    await orm.execute(sql`
      select u.id, u.display_name as "displayName", u.availability,
        u.availability_changed_at as "availabilityChangedAt",
        (select count(*) from conversations c
          where c.assignee_user_id = u.id and c.status in ('OPEN', 'WAITING'))::int as load,
        coalesce(ac.capacity, ${LIMITS.agentCapacity})::int as capacity,
        (select array_agg(m.queue_id order by m.queue_id) from queue_members m
          join queues q on q.id = m.queue_id and q.deleted_at is null where m.user_id = u.id) as "queueIds"
      from users u left join agent_capacities ac on ac.user_id = u.id
      where u.enabled and 'agent' = any(u.roles)
      order by lower(u.display_name), u.id`),
  ).map((r) => ({ ...r, availabilityChangedAt: new Date(r.availabilityChangedAt) }));
}

export interface LogRow {
  userId: string;
  availability: Availability;
  changedAt: Date;
}

/** Availability changes since `from`, plus each user's last change before it (their status at `from`). */
export async function readAvailabilityLog(orm: Orm, from: Date): Promise<LogRow[]> {
  return rowsOf<LogRow>(
    await orm.execute(sql`
      select user_id as "userId", availability, changed_at as "changedAt" from (
        select distinct on (user_id) user_id, availability, changed_at from availability_log
        where changed_at < ${from.toISOString()} order by user_id, changed_at desc, id desc
      ) before_day
      union all
      select user_id, availability, changed_at from availability_log where changed_at >= ${from.toISOString()}
      order by 1, 3`),
  ).map((r) => ({ ...r, changedAt: new Date(r.changedAt) }));
}

export interface QueueRow {
  id: string;
  name: string;
  isDefault: boolean;
  autoAssign: boolean;
  waiting: number;
  longestWaitingSince: Date | null;
  activeMembers: number;
}

/** Live queues with their waiting conversations (OPEN, no agent, no bot) and Active members. */
export async function readQueues(orm: Orm): Promise<QueueRow[]> {
  return rowsOf<QueueRow>(
    await orm.execute(sql`
      select q.id, q.name, q.is_default as "isDefault", q.auto_assign as "autoAssign",
        count(w.id)::int as waiting, min(coalesce(w.pending_since, w.created_at)) as "longestWaitingSince",
        (select count(*) from queue_members m join users u on u.id = m.user_id
          where m.queue_id = q.id and u.enabled and u.availability = 'ACTIVE')::int as "activeMembers"
      from queues q
      left join conversations w on w.queue_id = q.id and w.status = 'OPEN' and w.assignee_user_id is null
        and not exists (select 1 from bot_sessions b where b.conversation_id = w.id)
      where q.deleted_at is null
      group by q.id
      order by q.is_default desc, lower(q.name), q.id`),
  ).map((r) => ({ ...r, longestWaitingSince: r.longestWaitingSince && new Date(r.longestWaitingSince) }));
}

export interface Totals {
  open: number;
  waiting: number;
  solved: number;
  closedToday: number;
  unassigned: number;
  withBots: number;
}

/** Conversation counts: non-CLOSED by status, CLOSED since `from`, unassigned and bot-held. */
export async function readTotals(orm: Orm, from: Date): Promise<Totals> {
  const [row] = rowsOf<Totals>(
    await orm.execute(sql`
      select
        count(*) filter (where c.status = 'OPEN')::int as open,
        count(*) filter (where c.status = 'WAITING')::int as waiting,
        count(*) filter (where c.status = 'SOLVED')::int as solved,
        (select count(*) from conversations x where x.status = 'CLOSED' and x.closed_at >= ${from.toISOString()})::int
          as "closedToday",
        count(*) filter (where c.assignee_user_id is null and b.conversation_id is null)::int as unassigned,
        count(b.conversation_id)::int as "withBots"
      from conversations c left join bot_sessions b on b.conversation_id = c.id
      where c.status <> 'CLOSED'`),
  );
  if (!row) throw new Error('the totals query returned no row');
  return row;
}

import type { Queue } from '@parley/contracts';
import { asc, inArray } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { QueueRow } from './queues.repo.ts';
import { queueMembers } from './queues.schema.ts';

/** D4: whether every agent sees the queue — the Default queue unless a supervisor closed it. */
export const isOpenToAllAgents = (queue: Pick<QueueRow, 'isDefault' | 'openToAllAgents'>) =>
  queue.isDefault && queue.openToAllAgents;

/** The one shape of queues in every output, with their members (loaded in one query). */
export async function presentQueues(orm: Orm, rows: readonly QueueRow[]): Promise<Queue[]> {
  const ids = rows.map((r) => r.id);
  const members =
    ids.length === 0
      ? []
      : await orm
          .select({ queueId: queueMembers.queueId, userId: queueMembers.userId })
          .from(queueMembers)
          .where(inArray(queueMembers.queueId, ids))
          .orderBy(asc(queueMembers.userId));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    memberIds: members.filter((m) => m.queueId === row.id).map((m) => m.userId),
    openToAllAgents: isOpenToAllAgents(row),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function presentQueue(orm: Orm, row: QueueRow): Promise<Queue> {
  const [queue] = await presentQueues(orm, [row]);
  if (!queue) throw new Error('presentQueues dropped a queue');
  return queue;
}

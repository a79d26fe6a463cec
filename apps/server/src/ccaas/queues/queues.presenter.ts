import { type CcaasQueue, toCcaasDateTime } from '@parley/contracts';
import type { QueueRow } from '../../modules/queues/queues.repo.ts';
import type { Orm } from '../../platform/db/client.ts';
import { countEnabledMembers } from './queues.repo.ts';

/** The public-API shapes of these queues, in the same order. */
export async function presentCcaasQueues(orm: Orm, rows: readonly QueueRow[]): Promise<CcaasQueue[]> {
  const counts = await countEnabledMembers(
    orm,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    enabledAgentsCount: counts.get(row.id) ?? 0,
    createdAt: toCcaasDateTime(row.createdAt),
    updatedAt: toCcaasDateTime(row.updatedAt),
    isAutoAssignmentEnabled: row.autoAssign,
    autoAssignmentAlgorithm: row.algorithm === 'LEAST_LOAD' ? 'LOAD_BALANCING' : 'ROUND_ROBIN',
    isAutoAssignmentOutsideOfWorkingHoursEnabled: false,
    isStickyAutoAssignmentEnabled: row.stickyAgentDays !== null,
    ...(row.stickyAgentDays !== null && { stickyAgentTimeoutDays: row.stickyAgentDays }),
    isRestricted: false,
    isPrivate: false,
  }));
}

/** The public-API shape of one queue. */
export async function presentCcaasQueue(orm: Orm, row: QueueRow): Promise<CcaasQueue> {
  const [queue] = await presentCcaasQueues(orm, [row]);
  if (!queue) throw new Error(`queue ${row.id} was not presented`);
  return queue;
}

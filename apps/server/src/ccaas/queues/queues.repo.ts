import type { CcaasQueueListQuery } from '@parley/contracts';
import { and, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { queueMembers, queues } from '../../modules/queues/queues.schema.ts';
import { users } from '../../modules/users/users.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { isUuid } from '../../platform/ids.ts';
import { type PageRequest, pageOf } from '../pagination.ts';

/** Properties get-queues can order by. */
export const QUEUE_ORDER_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
export type QueueOrderField = (typeof QUEUE_ORDER_FIELDS)[number] | 'id';

const ORDER_COLUMNS = {
  id: queues.id,
  name: queues.name,
  createdAt: queues.createdAt,
  updatedAt: queues.updatedAt,
} as const;

const uuidsOf = (ids: readonly string[]) => ids.filter(isUuid);

function filtersOf(query: CcaasQueueListQuery): SQL[] {
  const where: SQL[] = [isNull(queues.deletedAt)];
  if (query.queueIds) where.push(inArray(queues.id, uuidsOf(query.queueIds)));
  if (query.agentId !== undefined) {
    const [agentId] = uuidsOf([query.agentId]);
    where.push(
      agentId
        ? sql`exists (select 1 from ${queueMembers} where ${queueMembers.queueId} = ${queues.id} and ${queueMembers.userId} = ${agentId})`
        : sql`false`,
    );
  }
  // Parley has no working hours, so no queue belongs to any.
  if (query.workingHoursId !== undefined) where.push(sql`false`);
  if (query.name) where.push(sql`${queues.name} ilike ${containsPattern(query.name)}`);
  return where;
}

/** One page of live queues matching the filters, and how many match in all. */
export function listQueuePage(orm: Orm, query: CcaasQueueListQuery, page: PageRequest<QueueOrderField>) {
  const where = and(...filtersOf(query));
  const rows = orm.select().from(queues).where(where).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(queues).where(where), page, ORDER_COLUMNS);
}

/** Enabled member agents per queue id (queues without any are absent from the map). */
export async function countEnabledMembers(
  orm: Orm,
  queueIds: readonly string[],
): Promise<Map<string, number>> {
  if (queueIds.length === 0) return new Map();
  const rows = await orm
    .select({ queueId: queueMembers.queueId, n: count() })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(and(inArray(queueMembers.queueId, [...queueIds]), eq(users.enabled, true)))
    .groupBy(queueMembers.queueId);
  return new Map(rows.map((r) => [r.queueId, r.n]));
}

import type { CcaasAgentListQuery } from '@parley/contracts';
import {
  and,
  arrayContains,
  arrayOverlaps,
  count,
  eq,
  gt,
  inArray,
  lt,
  not,
  type SQL,
  sql,
} from 'drizzle-orm';
import { queueMembers } from '../../modules/queues/queues.schema.ts';
import { users } from '../../modules/users/users.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { isUuid } from '../../platform/ids.ts';
import { type PageRequest, pageOf } from '../pagination.ts';
import { fromCcaasStatus } from './agents.presenter.ts';

/** Properties get-agents can order by. */
export const AGENT_ORDER_FIELDS = ['displayName', 'email', 'createdAt', 'updatedAt', 'enabled'] as const;
export type AgentOrderField = (typeof AGENT_ORDER_FIELDS)[number] | 'id';

const ORDER_COLUMNS = {
  id: users.id,
  displayName: users.displayName,
  email: users.email,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  enabled: users.enabled,
} as const;

/** Ids that cannot name a row are dropped (an empty list then matches nothing). */
const uuidsOf = (ids: readonly string[]) => ids.filter(isUuid);

/** Users that are agents in the public API's sense (see isCcaasAgent): agent or supervisor, not admin. */
export const isAgentUser = and(
  arrayOverlaps(users.roles, ['agent', 'supervisor']),
  not(arrayContains(users.roles, ['admin'])),
) as SQL;

function filtersOf(query: CcaasAgentListQuery): SQL[] {
  const where: SQL[] = [isAgentUser];
  if (query.agentIds) where.push(inArray(users.id, uuidsOf(query.agentIds)));
  if (query.queueIds) {
    const queueIds = uuidsOf(query.queueIds);
    const memberOf = queueIds.length
      ? sql`exists (select 1 from ${queueMembers} where ${queueMembers.userId} = ${users.id} and ${inArray(queueMembers.queueId, queueIds)})`
      : sql`false`;
    where.push(memberOf);
  }
  if (query.displayName) where.push(sql`${users.displayName} ilike ${containsPattern(query.displayName)}`);
  if (query.email) where.push(eq(users.email, query.email.toLowerCase()));
  // Parley keeps one availability: `status` and `availability` filter the same column.
  for (const status of [query.status, query.availability]) {
    if (status) where.push(eq(users.availability, fromCcaasStatus(status)));
  }
  if (query.role === 'SUPERVISOR') where.push(arrayContains(users.roles, ['supervisor']));
  if (query.role === 'AGENT') where.push(not(arrayContains(users.roles, ['supervisor'])));
  if (query.enabled !== undefined) where.push(eq(users.enabled, query.enabled));
  if (query.createdAfter) where.push(gt(users.createdAt, query.createdAfter));
  if (query.createdBefore) where.push(lt(users.createdAt, query.createdBefore));
  if (query.updatedAfter) where.push(gt(users.updatedAt, query.updatedAfter));
  if (query.updatedBefore) where.push(lt(users.updatedAt, query.updatedBefore));
  return where;
}

/** One page of agents matching the filters, and how many match in all. */
export function listAgentPage(orm: Orm, query: CcaasAgentListQuery, page: PageRequest<AgentOrderField>) {
  const where = and(...filtersOf(query));
  const rows = orm.select().from(users).where(where).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(users).where(where), page, ORDER_COLUMNS);
}

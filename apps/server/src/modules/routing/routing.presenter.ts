import type { RoutingRule } from '@parley/contracts';
import type { RuleRow } from './routing.repo.ts';

/** The one shape of a routing rule in /api outputs. */
export function presentRule(row: RuleRow & { queueName: string }): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    order: row.position,
    enabled: row.enabled,
    expression: row.expression,
    queueId: row.queueId,
    queueName: row.queueName,
    priority: row.priority,
    tagIds: row.tagIds,
    botId: row.botId,
    routeOnlyDuringWorkingHours: row.routeOnlyDuringWorkingHours,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

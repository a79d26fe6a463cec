import { asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { queues } from '../queues/queues.schema.ts';
import { conversationRouting, routingRules } from './routing.schema.ts';

export type RuleRow = typeof routingRules.$inferSelect;
export type NewRule = Omit<typeof routingRules.$inferInsert, 'createdAt' | 'updatedAt'> & {
  createdAt?: Date;
};

/** The rules in order, with the name of their queue. */
export function listRules(orm: Orm): Promise<(RuleRow & { queueName: string })[]> {
  return orm
    .select({ rule: routingRules, queueName: queues.name })
    .from(routingRules)
    .innerJoin(queues, eq(queues.id, routingRules.queueId))
    .orderBy(asc(routingRules.position))
    .then((rows) => rows.map((r) => ({ ...r.rule, queueName: r.queueName })));
}

/** Serialises edits of the rule list across processes (a transaction-scoped advisory lock). */
export async function lockRules(tx: Orm): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('parley:routing_rules', 0))`);
}

export async function replaceRuleRows(tx: Orm, rows: readonly NewRule[]): Promise<void> {
  await tx.delete(routingRules);
  if (rows.length > 0) await tx.insert(routingRules).values([...rows]);
}

export async function setRuleEnabled(tx: Orm, id: string, enabled: boolean): Promise<boolean> {
  const rows = await tx
    .update(routingRules)
    .set({ enabled, updatedAt: sql`now()` })
    .where(eq(routingRules.id, id))
    .returning({ id: routingRules.id });
  return rows.length > 0;
}

/**
 * Marks a conversation routed on creation; false when it already was (the creation event was
 * delivered again), so routing a new conversation happens once.
 */
export async function claimInitialRouting(tx: Orm, conversationId: string): Promise<boolean> {
  const rows = await tx
    .insert(conversationRouting)
    .values({ conversationId })
    .onConflictDoNothing()
    .returning({ id: conversationRouting.conversationId });
  return rows.length > 0;
}

/** Records the rule that decided (null: none matched). */
export async function recordRouting(tx: Orm, conversationId: string, ruleId: string | null): Promise<void> {
  await tx
    .insert(conversationRouting)
    .values({ conversationId, ruleId })
    .onConflictDoUpdate({
      target: conversationRouting.conversationId,
      set: { ruleId, routedAt: sql`now()` },
    });
}

/** Whether routing already ran for the conversation. */
export async function wasRouted(orm: Orm, conversationId: string): Promise<boolean> {
  const rows = await orm
    .select({ id: conversationRouting.conversationId })
    .from(conversationRouting)
    .where(eq(conversationRouting.conversationId, conversationId));
  return rows.length > 0;
}

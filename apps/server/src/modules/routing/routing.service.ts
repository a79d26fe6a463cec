import type { Priority, RoutingDecision, RoutingRuleInput, RuleEvaluation } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events } from '../../platform/events/types.ts';
import { endBotSession, startBotSession } from '../bots/bot-sessions.service.ts';
import { findBotById } from '../bots/bots.repo.ts';
import { type Actor, canEdit, enforce } from '../conversations/conversations.policy.ts';
import { type ConversationRow, findConversationForUpdate } from '../conversations/conversations.repo.ts';
import {
  addConversationTag,
  assignConversation,
  changeConversationQueue,
  setConversationPriority,
} from '../conversations/conversations.service.ts';
import { findQueueById } from '../queues/queues.repo.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { lockLiveTagsForShare } from '../tags/tags.repo.ts';
import { type DecisionRule, decideRoute, type RoutingFacts } from './routing.evaluate.ts';
import { conversationFacts, queueFactsAt } from './routing.facts.ts';
import {
  claimInitialRouting,
  listRules,
  lockRules,
  type NewRule,
  recordRouting,
  replaceRuleRows,
  setRuleEnabled,
} from './routing.repo.ts';

const AUTOMATION: Actor = { kind: 'automation' };

/** Parsed (defaults applied) rule input, as the contracts' RoutingRuleInput outputs it. */
export type RuleInput = Required<Omit<RoutingRuleInput, 'id'>> & { id?: string };

/**
 * A supervisor (or integrator) replaces the ordered rule list in one transaction. Every queue,
 * tag and bot a rule names must exist (live); a kept id keeps its creation time.
 */
export function replaceRoutingRules(events: Events, inputs: readonly RuleInput[]): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    await lockRules(tx);
    const ids = inputs.flatMap((r) => (r.id ? [r.id] : []));
    if (new Set(ids).size !== ids.length) throw invalid('Two rules have the same id');
    const current = new Map((await listRules(tx)).map((r) => [r.id, r]));
    await checkReferences(tx, inputs);
    const rows: NewRule[] = inputs.map((r, i) => ({
      id: r.id ?? crypto.randomUUID(),
      position: i + 1,
      name: r.name,
      enabled: r.enabled,
      expression: r.expression,
      queueId: r.queueId,
      priority: r.priority,
      tagIds: [...new Set(r.tagIds)],
      botId: r.botId,
      routeOnlyDuringWorkingHours: r.routeOnlyDuringWorkingHours,
      ...(r.id && current.has(r.id) && { createdAt: current.get(r.id)?.createdAt }),
    }));
    await replaceRuleRows(tx, rows);
    emit('routing.rules_changed', { count: rows.length });
  });
}

function invalid(message: string, details?: unknown): AppError {
  return new AppError('validation_failed', 422, message, details);
}

async function checkReferences(tx: Orm, inputs: readonly RuleInput[]): Promise<void> {
  for (const [i, r] of inputs.entries()) {
    if (!(await findQueueById(tx, r.queueId)))
      throw invalid(`Rule ${i + 1}: no such queue`, { rule: i + 1, queueId: r.queueId });
    if (r.botId && !(await findBotById(tx, r.botId)))
      throw invalid(`Rule ${i + 1}: no such bot`, { rule: i + 1, botId: r.botId });
    const tagIds = [...new Set(r.tagIds)];
    const live = await lockLiveTagsForShare(tx, 'conversation', tagIds);
    if (live.length !== tagIds.length)
      throw invalid(`Rule ${i + 1}: no such conversation tag`, { rule: i + 1 });
  }
}

/** Turns one rule on or off. */
export function setRoutingRuleEnabled(events: Events, ruleId: string, enabled: boolean): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    await lockRules(tx);
    if (!(await setRuleEnabled(tx, ruleId, enabled))) throw notFound('Routing rule');
    emit('routing.rules_changed', { ruleId, enabled });
  });
}

export interface Decided {
  decision: RoutingDecision;
  evaluations: RuleEvaluation[];
}

/**
 * The D4 decision for these facts at `at` (working hours): the saved rules (or `rules`, unsaved ones being tried) in order;
 * a rule whose queue was deleted never matches; no match = the Default queue, priority unchanged
 * (`fallbackPriority`: the conversation's own, NORMAL for a sample message).
 */
export async function decideRouting(
  orm: Orm,
  facts: RoutingFacts,
  at: Date,
  rules?: readonly DecisionRule[],
  fallbackPriority: Priority = 'NORMAL',
): Promise<Decided> {
  const list = rules ?? (await listRules(orm));
  const { live, isOpen } = await queueFactsAt(orm, at);
  const usable = list.map((r) => (live.has(r.queueId) || !r.enabled ? r : { ...r, enabled: false }));
  const out = decideRoute(usable, facts, isOpen);
  const rule = out.matched;
  const queue = rule ? live.get(rule.queueId) : await ensureDefaultQueue(orm);
  if (!queue) throw new Error('routing chose a queue that vanished');
  return {
    decision: {
      matchedOrder: out.matchedOrder,
      ruleId: rule?.id ?? null,
      queueId: queue.id,
      queueName: queue.name,
      priority: rule?.priority ?? fallbackPriority,
      tagIds: rule?.tagIds ?? [],
      botId: rule?.botId ?? null,
    },
    evaluations: out.evaluations,
  };
}

export type RoutingMode = 'created' | 'reroute';

/**
 * Runs D4 routing on a conversation and applies the decision as `automation`: queue, priority,
 * tags, and the bot when the rule names one. `created`: once per new conversation (a repeated
 * creation event changes nothing), and only while nobody took or moved it in between. `reroute` (the
 * reference's `/route`, a bot's hand-over): the agent or bot holding it lets go first, and a
 * conversation a bot let go goes to people. Returns null when nothing was done.
 */
export function routeConversation(
  events: Events,
  conversationId: string,
  mode: RoutingMode,
): Promise<{ conversation: ConversationRow; decision: RoutingDecision } | null> {
  return events.transact(async (scope) => {
    const { tx } = scope;
    const conv = await findConversationForUpdate(tx, conversationId);
    if (!conv) throw notFound('Conversation');
    const created = mode === 'created';
    if (created && !(await claimInitialRouting(tx, conv.id))) return null;
    // Someone took it or moved it before routing ran: their choice stands.
    if (created && (conv.status === 'CLOSED' || conv.assigneeUserId !== null)) return null;
    if (created && conv.queueId !== (await ensureDefaultQueue(tx)).id) return null;
    enforce(canEdit(conv));
    const facts = await conversationFacts(tx, conv, created ? 'first' : 'latest');
    const { decision } = await decideRouting(tx, facts, new Date(), undefined, conv.priority);
    const joined = joinTransaction(events, scope);
    // A conversation just created has no bot yet.
    const handedOver = !created && (await endBotSession(scope, conv, AUTOMATION, 'HANDED_OVER'));
    let routed = conv;
    if (routed.assigneeUserId) routed = await assignConversation(joined, AUTOMATION, conv.id, null);
    if (routed.queueId !== decision.queueId) {
      routed = await changeConversationQueue(joined, AUTOMATION, conv.id, decision.queueId);
    }
    if (routed.priority !== decision.priority) {
      routed = await setConversationPriority(joined, AUTOMATION, conv.id, decision.priority);
    }
    for (const tagId of decision.tagIds) await addConversationTag(joined, AUTOMATION, conv.id, tagId);
    // A bot's hand-over goes to people (the rule's bot would take it straight back); a disabled or
    // deleted bot takes nothing either: the conversation stays with the queue's people.
    const bot = decision.botId && !handedOver ? await findBotById(tx, decision.botId) : undefined;
    if (bot?.enabled) await startBotSession(scope, routed, bot.id, AUTOMATION);
    else decision.botId = null;
    if (!created || decision.ruleId) await recordRouting(tx, conv.id, decision.ruleId);
    scope.emit('conversation.routed', {
      conversationId: conv.id,
      queueId: decision.queueId,
      assigneeUserId: null,
      ruleId: decision.ruleId,
      botId: decision.botId,
      mode,
      actor: AUTOMATION,
    });
    return { conversation: routed, decision };
  });
}

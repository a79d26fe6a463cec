import { z } from 'zod';
import { Channel, Priority } from './conversations-enums.ts';
import { RoutingExpression } from './routing-expression.ts';

/** Most routing rules one installation keeps (the reference pages them in one page of 999). */
export const MAX_ROUTING_RULES = 200;

const RuleName = z.string().trim().min(1).max(255);

/** D4 routing rule: the first enabled rule whose condition matches a new conversation decides its queue. */
export const RoutingRule = z.object({
  id: z.uuid(),
  name: z.string(),
  /** 1-based position; rules are tried in this order. */
  order: z.number().int(),
  /** A disabled rule is skipped. */
  enabled: z.boolean(),
  expression: RoutingExpression,
  /** Queue a matching conversation goes to. */
  queueId: z.uuid(),
  queueName: z.string(),
  /** Priority a matching conversation gets. */
  priority: Priority,
  /** Conversation tags a matching conversation gets. */
  tagIds: z.array(z.uuid()),
  /** A bot that takes the conversation first (it hands over by re-running routing); null = people. */
  botId: z.uuid().nullable(),
  /** The rule matches only while its queue is within its working hours. */
  routeOnlyDuringWorkingHours: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingRuleList = z.object({ items: z.array(RoutingRule) });
export type RoutingRuleList = z.infer<typeof RoutingRuleList>;

/** One rule of a replacement list; `id` keeps an existing rule's identity (and creation time). */
export const RoutingRuleInput = z.object({
  id: z.uuid().optional(),
  name: RuleName,
  enabled: z.boolean().default(true),
  expression: RoutingExpression,
  queueId: z.uuid(),
  priority: Priority.default('NORMAL'),
  tagIds: z.array(z.uuid()).max(20).default([]),
  botId: z.uuid().nullable().default(null),
  routeOnlyDuringWorkingHours: z.boolean().default(false),
});
export type RoutingRuleInput = z.input<typeof RoutingRuleInput>;

/** Replaces the whole ordered list (create, edit, delete and reorder in one atomic save). */
export const ReplaceRoutingRulesRequest = z.object({
  rules: z.array(RoutingRuleInput).max(MAX_ROUTING_RULES),
});
export type ReplaceRoutingRulesRequest = z.input<typeof ReplaceRoutingRulesRequest>;

/** Turns one rule on or off without resending the list. */
export const SetRoutingRuleEnabledRequest = z.object({ enabled: z.boolean() });
export type SetRoutingRuleEnabledRequest = z.infer<typeof SetRoutingRuleEnabledRequest>;

/** A sample first message to try the rules on ("simulate" panel). */
export const SimulateRoutingRequest = z.object({
  channel: Channel,
  /** The customer's address (sender). */
  from: z.string().max(255).default(''),
  /** Our address (destination). */
  to: z.string().max(255).default(''),
  text: z.string().max(4096).default(''),
  /** A customer profile whose attributes the conditions read. */
  customerId: z.uuid().optional(),
  /** Conversation tag ids the conversation would carry. */
  tagIds: z.array(z.uuid()).max(50).default([]),
  /** The moment to evaluate working hours at; now when absent. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** Rules to try instead of the saved ones (the editor's unsaved list). */
  rules: z.array(RoutingRuleInput).max(MAX_ROUTING_RULES).optional(),
});
export type SimulateRoutingRequest = z.input<typeof SimulateRoutingRequest>;

/** How one rule fared in a simulation. */
export const RuleEvaluation = z.object({
  /** Position (1-based) in the list tried. */
  order: z.number().int(),
  ruleId: z.uuid().nullable(),
  name: z.string(),
  outcome: z.enum(['MATCHED', 'NOT_MATCHED', 'DISABLED', 'OUTSIDE_WORKING_HOURS', 'NOT_TRIED']),
});
export type RuleEvaluation = z.infer<typeof RuleEvaluation>;

/** Where a conversation goes: the first matching rule's actions, or the Default queue (no rule). */
export const RoutingDecision = z.object({
  /** Order of the rule that matched; null = no rule matched (Default queue, priority unchanged). */
  matchedOrder: z.number().int().nullable(),
  ruleId: z.uuid().nullable(),
  queueId: z.uuid(),
  queueName: z.string(),
  priority: Priority,
  tagIds: z.array(z.uuid()),
  botId: z.uuid().nullable(),
});
export type RoutingDecision = z.infer<typeof RoutingDecision>;

export const SimulateRoutingResult = z.object({
  decision: RoutingDecision,
  rules: z.array(RuleEvaluation),
});
export type SimulateRoutingResult = z.infer<typeof SimulateRoutingResult>;

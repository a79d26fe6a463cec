import { z } from 'zod';
import { Priority } from '../conversations-enums.ts';
import { RoutingExpression } from '../routing-expression.ts';
import { CcaasPagination, repeatedQuery } from './common.ts';

/** A routing rule as the reference's RuleApiResponse shows it. */
export const CcaasRoutingRule = z.object({
  id: z.string(),
  priority: Priority,
  expression: z.record(z.string(), z.unknown()),
  queueId: z.string(),
  queueName: z.string(),
  enabled: z.boolean(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 1-based position: rules are tried in this order. */
  order: z.number().int(),
  routeOnlyDuringWorkingHours: z.boolean(),
  /** Parley has no private rules: always false. */
  isPrivate: z.boolean(),
});
export type CcaasRoutingRule = z.infer<typeof CcaasRoutingRule>;

/** `GET /ccaas/1/routing`: one page of every rule, ordered by `order`. */
export const CcaasRoutingRulesPage = z.object({
  routes: z.array(CcaasRoutingRule),
  pagination: CcaasPagination,
});
export type CcaasRoutingRulesPage = z.infer<typeof CcaasRoutingRulesPage>;

export const CcaasRoutingQuery = z.object({
  /** Only these rules. */
  ruleIds: repeatedQuery(z.string()),
  /** Only enabled (true) or disabled (false) rules. */
  enabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** One rule of `PUT /ccaas/1/routing` (CreateRuleApiRequest); the list replaces the routing, in order. */
export const CcaasCreateRuleRequest = z.object({
  priority: Priority.default('NORMAL'),
  expression: RoutingExpression,
  queueId: z.string().max(255),
  enabled: z.boolean().default(true),
  name: z.string().max(255).optional(),
  routeOnlyDuringWorkingHours: z.boolean().default(false),
  /** Read-only in the reference; accepted and ignored. */
  queueName: z.string().optional(),
});
export const CcaasReplaceRoutingRequest = z.array(CcaasCreateRuleRequest).max(200);
export type CcaasReplaceRoutingRequest = z.input<typeof CcaasReplaceRoutingRequest>;

/** `simulate-routing`: where routing would send the conversation now. */
export const CcaasRoutingResult = z.object({ id: z.string(), queueId: z.string(), priority: Priority });
export type CcaasRoutingResult = z.infer<typeof CcaasRoutingResult>;

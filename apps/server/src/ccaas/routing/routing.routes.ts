import {
  CcaasConversation,
  CcaasConversationParams,
  CcaasReplaceRoutingRequest,
  CcaasRoutingQuery,
  CcaasRoutingResult,
  CcaasRoutingRulesPage,
  CcaasStatusResponse,
  toCcaasDateTime,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findQueueById } from '../../modules/queues/queues.repo.ts';
import { listRules } from '../../modules/routing/routing.repo.ts';
import { replaceRoutingRules, routeConversation } from '../../modules/routing/routing.service.ts';
import { simulateConversationRouting } from '../../modules/routing/routing.simulate.ts';
import type { AppContext } from '../../platform/context.ts';
import { isUuid } from '../../platform/ids.ts';
import { toCcaasConversation } from '../conversations/conversation.presenter.ts';
import { findConversationOr404 } from '../conversations/conversation-lookup.ts';
import { ccaasInvalidReference } from '../errors.ts';
import { authorizeRouting } from './routing-actor.ts';

const access = { access: 'api-key' } as const;

/** `/routing` (the D4 rules in the reference's expression format), `/conversations/{id}/route` and `/simulate-routing`. */
export async function registerRoutingRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  r.get(
    '/routing',
    { config: access, schema: { querystring: CcaasRoutingQuery, response: { 200: CcaasRoutingRulesPage } } },
    async (request) => {
      const { ruleIds, enabled } = request.query;
      const rules = (await listRules(db.orm)).filter(
        (rule) =>
          (!ruleIds || ruleIds.includes(rule.id)) && (enabled === undefined || rule.enabled === enabled),
      );
      return {
        routes: rules.map((rule) => ({
          id: rule.id,
          priority: rule.priority,
          expression: rule.expression,
          queueId: rule.queueId,
          queueName: rule.queueName,
          enabled: rule.enabled,
          name: rule.name,
          createdAt: toCcaasDateTime(rule.createdAt),
          updatedAt: toCcaasDateTime(rule.updatedAt),
          order: rule.position,
          routeOnlyDuringWorkingHours: rule.routeOnlyDuringWorkingHours,
          isPrivate: false,
        })),
        pagination: { totalItems: rules.length, page: 0, limit: 999, orderBy: 'order:ASC' },
      };
    },
  );

  r.put(
    '/routing',
    {
      config: access,
      schema: {
        description:
          'Replaces the routing: the rules in the order given (Parley tags and bots stay /api-only).',
        body: CcaasReplaceRoutingRequest,
        response: { 200: CcaasStatusResponse },
      },
    },
    async (request) => {
      for (const rule of request.body) {
        if (!isUuid(rule.queueId) || !(await findQueueById(db.orm, rule.queueId))) {
          throw ccaasInvalidReference(`Invalid queue id given '${rule.queueId}'`);
        }
      }
      await replaceRoutingRules(
        events,
        request.body.map((rule, i) => ({
          name: rule.name?.trim() || `Rule ${i + 1}`,
          enabled: rule.enabled,
          expression: rule.expression,
          queueId: rule.queueId.toLowerCase(),
          priority: rule.priority,
          tagIds: [],
          botId: null,
          routeOnlyDuringWorkingHours: rule.routeOnlyDuringWorkingHours,
        })),
      );
      return { statusCode: 'SUCCESS' as const, message: 'Routing added successfully.' };
    },
  );

  r.delete('/routing', { config: access, schema: { response: { 200: CcaasStatusResponse } } }, async () => {
    await replaceRoutingRules(events, []);
    return { statusCode: 'SUCCESS' as const, message: 'Routing deleted successfully.' };
  });

  // Re-running routing (D4): the agent or bot holding the conversation lets go and the rules decide
  // again on the latest customer message; this is how a bot hands over to people.
  r.post(
    '/conversations/:conversationId/route',
    { config: access, schema: { params: CcaasConversationParams, response: { 200: CcaasConversation } } },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      await authorizeRouting(request, db.orm, conv);
      const routed = await routeConversation(events, conv.id, 'reroute');
      return toCcaasConversation(routed?.conversation ?? conv);
    },
  );

  r.get(
    '/conversations/:conversationId/simulate-routing',
    { config: access, schema: { params: CcaasConversationParams, response: { 200: CcaasRoutingResult } } },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const { decision } = await simulateConversationRouting(db.orm, conv.id);
      return { id: conv.id, queueId: decision.queueId, priority: decision.priority };
    },
  );
}

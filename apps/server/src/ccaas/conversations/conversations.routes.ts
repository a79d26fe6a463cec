import {
  CCAAS_CONVERSATION_ORDER_FIELDS,
  CcaasAssignBody,
  CcaasConversation,
  CcaasConversationListQuery,
  CcaasConversationPage,
  CcaasConversationParams,
  CcaasCreateConversationBody,
  CcaasPatchConversationBody,
  CcaasUpdateConversationBody,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actingActor } from '../acting-agent.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { toCcaasConversation } from './conversation.presenter.ts';
import { createConversationWith, updateConversation } from './conversation-changes.ts';
import { findConversationOr404 } from './conversation-lookup.ts';
import { registerConversationTagRoutes } from './conversation-tags.routes.ts';
import { findConversationsPage } from './conversations.query.ts';

const access = { access: 'api-key' } as const;

/** `/conversations`: list, create, get, PUT, PATCH, assignee, and the conversation's tags (route: ../routing). */
export async function registerConversationRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  app.get(
    '/conversations',
    {
      config: access,
      schema: { querystring: CcaasConversationListQuery, response: { 200: CcaasConversationPage } },
    },
    async (request) => {
      const page = parsePage(request.query, CCAAS_CONVERSATION_ORDER_FIELDS, 'id:asc', 'last');
      const { rows, total } = await findConversationsPage(db.orm, request.query, page);
      return { conversations: rows.map(toCcaasConversation), pagination: paginationOf(page, total) };
    },
  );

  app.post(
    '/conversations',
    { config: access, schema: { body: CcaasCreateConversationBody, response: { 200: CcaasConversation } } },
    async (request) => {
      const { agentId, status, ...input } = request.body;
      const actor = await actingActor(request, db.orm);
      return toCcaasConversation(
        await createConversationWith(events, db.orm, actor, input, { agentId, status }),
      );
    },
  );

  app.get(
    '/conversations/:conversationId',
    { config: access, schema: { params: CcaasConversationParams, response: { 200: CcaasConversation } } },
    async (request) =>
      toCcaasConversation(await findConversationOr404(db.orm, request.params.conversationId)),
  );

  // PUT replaces the editable fields: summary, priority, queue and assignee fall back to none,
  // NORMAL, the Default queue and unassigned; topic and status stay unless given.
  app.put(
    '/conversations/:conversationId',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasUpdateConversationBody,
        response: { 200: CcaasConversation },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const actor = await actingActor(request, db.orm);
      const b = request.body;
      const updated = await updateConversation(events, db.orm, actor, conv.id, {
        topic: b.topic,
        status: b.status,
        summary: b.summary ?? null,
        priority: b.priority ?? 'NORMAL',
        queueId: b.queueId ?? null,
        agentId: b.agentId ?? null,
      });
      return toCcaasConversation(updated);
    },
  );

  app.patch(
    '/conversations/:conversationId',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasPatchConversationBody,
        response: { 200: CcaasConversation },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const actor = await actingActor(request, db.orm);
      return toCcaasConversation(await updateConversation(events, db.orm, actor, conv.id, request.body));
    },
  );

  app.put(
    '/conversations/:conversationId/assignee',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasAssignBody,
        response: { 200: CcaasConversation },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const actor = await actingActor(request, db.orm);
      const { agentId } = request.body;
      return toCcaasConversation(await updateConversation(events, db.orm, actor, conv.id, { agentId }));
    },
  );

  app.delete(
    '/conversations/:conversationId/assignee',
    { config: access, schema: { params: CcaasConversationParams, response: { 200: CcaasConversation } } },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const actor = await actingActor(request, db.orm);
      return toCcaasConversation(await updateConversation(events, db.orm, actor, conv.id, { agentId: null }));
    },
  );

  await registerConversationTagRoutes(scope, ctx);
}

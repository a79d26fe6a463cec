import {
  CCAAS_CONVERSATION_ORDER_FIELDS,
  CcaasAgent,
  CcaasAgentListQuery,
  CcaasAgentPage,
  CcaasAgentRequest,
  CcaasAgentStatusRequest,
  CcaasAgentWithEmail,
  CcaasConversationPage,
  CcaasPageQuery,
  CcaasQueueAssignRequest,
  CcaasStatusResponse,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { toCcaasConversation } from '../conversations/conversation.presenter.ts';
import { findConversationsPage } from '../conversations/conversations.query.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { findQueueOrFail } from '../queues/queues.service.ts';
import { presentCcaasAgent, presentCcaasAgentWithEmail } from './agents.presenter.ts';
import { AGENT_ORDER_FIELDS, listAgentPage } from './agents.repo.ts';
import {
  addAgentToQueue,
  createAgent,
  findAgent,
  removeAgentFromQueue,
  setAgentStatus,
  updateAgent,
} from './agents.service.ts';

const AgentParams = z.object({ agentId: z.string() });
const AgentQueueParams = z.object({ agentId: z.string(), queueId: z.string() });
const access = 'api-key' as const;

/** `/ccaas/1/agents`: agents, their status and their queues. */
export async function registerAgentRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  r.get(
    '/agents',
    { config: { access }, schema: { querystring: CcaasAgentListQuery, response: { 200: CcaasAgentPage } } },
    async (request) => {
      const page = parsePage(request.query, AGENT_ORDER_FIELDS);
      const { rows, total } = await listAgentPage(db.orm, request.query, page);
      return { agents: rows.map(presentCcaasAgent), pagination: paginationOf(page, total) };
    },
  );

  r.post(
    '/agents',
    {
      config: { access },
      schema: {
        description:
          'Creates an agent without a password: they can sign in once an admin has reset it. ' +
          '`email` (Parley extension) is their sign-in address; without it they get `<uuid>@agents.invalid`.',
        body: CcaasAgentRequest,
        response: { 200: CcaasAgent },
      },
    },
    async (request) => presentCcaasAgent(await createAgent(events, request.body)),
  );

  r.get(
    '/agents/:agentId',
    { config: { access }, schema: { params: AgentParams, response: { 200: CcaasAgentWithEmail } } },
    async (request) => presentCcaasAgentWithEmail(await findAgent(db.orm, request.params.agentId)),
  );

  r.put(
    '/agents/:agentId',
    {
      config: { access },
      schema: { params: AgentParams, body: CcaasAgentRequest, response: { 200: CcaasAgent } },
    },
    async (request) => presentCcaasAgent(await updateAgent(events, request.params.agentId, request.body)),
  );

  r.get(
    '/agents/:agentId/conversations',
    {
      config: { access },
      schema: {
        description: 'The conversations assigned to the agent, in every status.',
        params: AgentParams,
        querystring: CcaasPageQuery,
        response: { 200: CcaasConversationPage },
      },
    },
    async (request) => {
      const agent = await findAgent(db.orm, request.params.agentId);
      const page = parsePage(request.query, CCAAS_CONVERSATION_ORDER_FIELDS, 'id:asc', 'last');
      const { rows, total } = await findConversationsPage(
        db.orm,
        { ...request.query, agentId: agent.id },
        page,
      );
      return { conversations: rows.map(toCcaasConversation), pagination: paginationOf(page, total) };
    },
  );

  r.put(
    '/agents/:agentId/status',
    {
      config: { access },
      schema: { params: AgentParams, body: CcaasAgentStatusRequest, response: { 200: CcaasAgent } },
    },
    async (request) =>
      presentCcaasAgent(await setAgentStatus(events, request.params.agentId, request.body.status)),
  );

  r.post(
    '/agents/:agentId/queues',
    {
      config: { access },
      schema: { params: AgentParams, body: CcaasQueueAssignRequest, response: { 200: CcaasStatusResponse } },
    },
    async (request) => {
      const agent = await findAgent(db.orm, request.params.agentId);
      const queue = await findQueueOrFail(db.orm, request.body.queueId);
      await addAgentToQueue(events, agent, queue.id);
      return { statusCode: 'SUCCESS' as const, message: 'Agent added to queue successfully.' };
    },
  );

  r.delete(
    '/agents/:agentId/queues/:queueId',
    { config: { access }, schema: { params: AgentQueueParams, response: { 200: CcaasStatusResponse } } },
    async (request) => {
      const agent = await findAgent(db.orm, request.params.agentId);
      const queue = await findQueueOrFail(db.orm, request.params.queueId);
      await removeAgentFromQueue(events, agent, queue.id);
      return { statusCode: 'SUCCESS' as const, message: 'Agent removed from queue successfully.' };
    },
  );
}

import {
  CCAAS_MESSAGE_ORDER_FIELDS,
  CcaasConversationParams,
  CcaasCreateMessageBody,
  CcaasMessage,
  CcaasMessageListQuery,
  CcaasMessagePage,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConversationRow } from '../../modules/conversations/conversations.repo.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { AGENT_HEADER, actingActor } from '../acting-agent.ts';
import { findConversationOr404 } from '../conversations/conversation-lookup.ts';
import { ccaasBadRequest } from '../errors.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { toCcaasMessage } from './message.presenter.ts';
import { parleyChannel, toParleyContent } from './message-content.ts';
import { findMessagesPage } from './messages.query.ts';

const access = { access: 'api-key' } as const;

/** The reply must travel on the conversation's own thread: its channel, our address, the customer's address. */
function checkThread(conv: ConversationRow, body: { channel: string; from: string; to: string }): void {
  if (!conv.channel) return;
  if (body.channel !== conv.channel || body.from !== conv.ourAddress || body.to !== conv.customerAddress) {
    throw ccaasBadRequest(
      `channel, from and to must be the conversation's: ${conv.channel} from ${conv.ourAddress} to ${conv.customerAddress}`,
    );
  }
}

/** `/conversations/{id}/messages`: the messages of a conversation, and sending one to the customer. */
export async function registerMessageRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  app.get(
    '/conversations/:conversationId/messages',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        querystring: CcaasMessageListQuery,
        response: { 200: CcaasMessagePage },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const page = parsePage(request.query, CCAAS_MESSAGE_ORDER_FIELDS, 'createdAt:asc');
      const { rows, total } = await findMessagesPage(db.orm, conv.id, request.query, page);
      return { messages: rows.map(toCcaasMessage), pagination: paginationOf(page, total) };
    },
  );

  // The reference: `x-agent-id` names the agent "only in case conversations are assigned to
  // agents". So an assigned conversation needs it (and D3 lets only its assignee or a supervisor
  // reply); an unassigned one is answered by the integration itself, as a BOT message. Whether it
  // is assigned is decided by `canReply` under the conversation's row lock, so a BOT reply never
  // lands in a conversation an agent has just taken.
  app.post(
    '/conversations/:conversationId/messages',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasCreateMessageBody,
        response: { 200: CcaasMessage },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const actor = await actingActor(request, db.orm);
      const { body } = request;
      parleyChannel(body.channel);
      checkThread(conv, body);
      const content = toParleyContent(body.contentType, body.content, body.channel);
      try {
        const route = {
          channel: parleyChannel(body.channel),
          ourAddress: body.from,
          customerAddress: body.to,
        };
        const { message } = await sendAgentMessage(events, actor, conv.id, { ...content, route });
        return toCcaasMessage(message);
      } catch (error) {
        if (actor.kind === 'automation' && error instanceof AppError && error.code === 'reply_forbidden') {
          throw ccaasBadRequest(`The conversation is assigned to an agent: send the ${AGENT_HEADER} header`);
        }
        throw error;
      }
    },
  );
}

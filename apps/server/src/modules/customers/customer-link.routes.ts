import { Conversation, SetConversationCustomerRequest } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { presentConversation } from '../conversations/conversations.presenter.ts';
import { loadVisibleConversation } from '../conversations/conversations.visibility.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { setConversationCustomer } from './customer-link.service.ts';
import { IdParams } from './customers.routes.ts';

/** D6 link and unlink: which customer a conversation belongs to (404 for one the caller cannot see). */
export async function registerCustomerLinkRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().put(
    '/api/conversations/:id/customer',
    {
      config: { access: 'agent' },
      schema: { params: IdParams, body: SetConversationCustomerRequest, response: { 200: Conversation } },
    },
    async (request) => {
      const { viewer, actor } = callerOf(request);
      await loadVisibleConversation(ctx, request.params.id, viewer);
      await setConversationCustomer(ctx.events, actor, request.params.id, request.body.customerId);
      return presentConversation(ctx.db, request.params.id, viewer.userId);
    },
  );
}

import { ConversationTypingRequest } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findEnabledConnectionBySender } from '../modules/channel-connections/channel-connections.repo.ts';
import { canReply, enforce } from '../modules/conversations/conversations.policy.ts';
import { loadVisibleConversation } from '../modules/conversations/conversations.visibility.ts';
import { callerOf } from '../modules/conversations/conversations-write.routes.ts';
import { defaultReplyRoute } from '../modules/messages/reply-routes.service.ts';
import type { AppContext } from '../platform/context.ts';
import { findAdapter, toAdapterConnection } from './adapters.ts';

const IdParams = z.object({ id: z.uuid() });

/**
 * `POST /api/conversations/:id/typing`: the agent started or stopped typing a reply. The adapter of
 * the conversation's default reply route (where the customer last wrote) shows it to the customer where the channel has a typing indicator
 * (`sendTyping`: live chat); elsewhere it is no change and still 204. Only someone who may reply
 * (D3) may show typing; nothing is stored.
 */
export async function registerTypingRoute(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/conversations/:id/typing',
      { config: { access: 'agent' }, schema: { params: IdParams, body: ConversationTypingRequest } },
      async (request, reply) => {
        const { viewer, actor } = callerOf(request);
        const conversation = await loadVisibleConversation(ctx, request.params.id, viewer);
        enforce(canReply(actor, conversation));
        // Shown where the reply will go: the route of the customer's last message (omnichannel).
        const route = await defaultReplyRoute(ctx.db.orm, conversation);
        const row =
          route && (await findEnabledConnectionBySender(ctx.db.orm, route.channel, route.ourAddress));
        const adapter = row && findAdapter(row.provider);
        if (route && row && adapter?.sendTyping) {
          await adapter.sendTyping(
            { from: route.ourAddress, to: route.customerAddress },
            request.body.typing,
            toAdapterConnection(row, adapter),
            ctx,
          );
        }
        return reply.status(204).send();
      },
    );
}

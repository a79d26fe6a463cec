import { TimelineItem } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { presentTimelineItem } from '../conversations/conversations.presenter.ts';
import { loadVisibleConversation } from '../conversations/conversations.visibility.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { retryFailedMessage } from './message-retry.service.ts';
import { findMessageById } from './messages.repo.ts';

const IdParams = z.object({ id: z.uuid() });

/** `POST /api/messages/:id/retry`: the agent's Retry on a message the provider refused. */
export async function registerMessageRetryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/messages/:id/retry',
    {
      config: { access: 'agent' },
      schema: { params: IdParams, response: { 200: TimelineItem } },
    },
    async (request) => {
      const { viewer, actor } = callerOf(request);
      const message = await findMessageById(ctx.db.orm, request.params.id);
      if (!message) throw notFound('Message');
      // A message of a conversation the caller may not see is as missing as an unknown one.
      await loadVisibleConversation(ctx, message.conversationId, viewer);
      const retried = await retryFailedMessage(ctx.events, actor, message.id);
      return presentTimelineItem(ctx.db, { type: 'message', id: retried.id });
    },
  );
}

import { Conversation, MergeConversationsRequest } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { mergeConversations } from './conversation-merge.service.ts';
import { presentConversation } from './conversations.presenter.ts';
import { loadVisibleConversation } from './conversations.visibility.ts';
import { callerOf } from './conversations-write.routes.ts';

const IdParams = z.object({ id: z.uuid() });

/** D2 merge from the conversation view; `/ccaas/1` has no merge (the reference defines none). */
export async function registerConversationMergeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/conversations/:id/merge',
    {
      config: { access: 'agent' },
      schema: { params: IdParams, body: MergeConversationsRequest, response: { 200: Conversation } },
    },
    async (request) => {
      const { viewer, actor } = callerOf(request);
      // Every conversation named must be one the caller sees; the others are "not found".
      for (const id of [request.params.id, ...request.body.sourceIds]) {
        await loadVisibleConversation(ctx, id, viewer);
      }
      await mergeConversations(ctx.events, actor, request.params.id, request.body.sourceIds);
      return presentConversation(ctx.db, request.params.id, viewer.userId);
    },
  );
}

import { ReplyRouteList } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { loadVisibleConversation } from '../conversations/conversations.visibility.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { listReplyRoutes } from './reply-routes.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** The composer's "change channel" choices (D2): every route a reply in the conversation may take. */
export async function registerReplyRouteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/conversations/:id/reply-routes',
    { config: { access: 'agent' }, schema: { params: IdParams, response: { 200: ReplyRouteList } } },
    async (request) => {
      const { viewer } = callerOf(request);
      const conv = await loadVisibleConversation(ctx, request.params.id, viewer);
      return { items: await listReplyRoutes(ctx.db.orm, conv, viewer) };
    },
  );
}

import { AddNoteRequest, SendMessageRequest, TimelineItem } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { presentTimelineItem } from '../conversations/conversations.presenter.ts';
import { loadVisibleConversation } from '../conversations/conversations.visibility.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { addNote, sendAgentMessage } from './messages.service.ts';
import { replyDraftOf } from './reply-draft.ts';

const IdParams = z.object({ id: z.uuid() });

/** Agent replies and internal notes from the web app; both answer with the new timeline entry. */
export async function registerMessageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/conversations/:id/messages',
    {
      config: { access: 'agent' },
      schema: {
        params: IdParams,
        body: SendMessageRequest,
        response: { 200: TimelineItem, 201: TimelineItem },
      },
    },
    async (request, reply) => {
      const { viewer, actor } = callerOf(request);
      await loadVisibleConversation(ctx, request.params.id, viewer);
      const { message, repeated } = await sendAgentMessage(ctx.events, actor, request.params.id, {
        clientId: request.body.clientId,
        ...(await replyDraftOf(ctx.db.orm, viewer, request.body)),
        route: request.body.route,
      });
      // A retry with the same client id gets the stored message: 200 instead of 201.
      const item = await presentTimelineItem(ctx.db, { type: 'message', id: message.id });
      return reply.status(repeated ? 200 : 201).send(item);
    },
  );

  r.post(
    '/api/conversations/:id/notes',
    {
      config: { access: 'agent' },
      schema: { params: IdParams, body: AddNoteRequest, response: { 201: TimelineItem } },
    },
    async (request, reply) => {
      const { viewer, actor } = callerOf(request);
      await loadVisibleConversation(ctx, request.params.id, viewer);
      const note = await addNote(ctx.events, actor, request.params.id, request.body.text);
      return reply.status(201).send(await presentTimelineItem(ctx.db, { type: 'note', id: note.id }));
    },
  );
}

import {
  AddConversationTagRequest,
  AssignConversationRequest,
  ChangeConversationQueueRequest,
  Conversation,
  CreateConversationRequest,
  UpdateConversationRequest,
} from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { currentUser } from '../../platform/http/access.ts';
import { startConversation, updateConversation } from './conversation-commands.service.ts';
import { type Actor, personActor } from './conversations.policy.ts';
import { presentConversation } from './conversations.presenter.ts';
import {
  addConversationTag,
  assignConversation,
  assignConversationToMe,
  changeConversationQueue,
  removeConversationTag,
} from './conversations.service.ts';
import { loadVisibleConversation, type Viewer } from './conversations.visibility.ts';

const IdParams = z.object({ id: z.uuid() });
const TagParams = z.object({ id: z.uuid(), tagId: z.uuid() });

/** The signed-in caller as a viewer (what they may see) and as an actor (what the rules check). */
export function callerOf(request: FastifyRequest): { viewer: Viewer; actor: Actor } {
  const user = currentUser(request);
  return {
    viewer: { userId: user.userId, roles: user.roles },
    actor: personActor({ id: user.userId, roles: user.roles }),
  };
}

/**
 * Changes to conversations from the web app. Each route answers 404 for a conversation the caller
 * cannot see, lets the service apply D2/D3/D11 (refusals: 403 / 409 / 422), and answers with the
 * conversation as the caller now sees it.
 */
export async function registerConversationWriteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const conversationRoute = { config: { access: 'agent' as const } };

  /** Loads the visible conversation, runs `change`, presents the result. */
  async function change(
    request: FastifyRequest,
    id: string,
    run: (actor: Actor) => Promise<unknown>,
  ): Promise<Conversation> {
    const { viewer, actor } = callerOf(request);
    await loadVisibleConversation(ctx, id, viewer);
    await run(actor);
    return presentConversation(ctx.db, id, viewer.userId);
  }

  r.post(
    '/api/conversations',
    { ...conversationRoute, schema: { body: CreateConversationRequest, response: { 201: Conversation } } },
    async (request, reply) => {
      const { viewer, actor } = callerOf(request);
      const { conversation } = await startConversation(ctx.events, actor, {
        ...request.body,
        assignToCreator: viewer.roles.includes('agent'),
      });
      return reply.status(201).send(await presentConversation(ctx.db, conversation.id, viewer.userId));
    },
  );

  r.patch(
    '/api/conversations/:id',
    {
      ...conversationRoute,
      schema: { params: IdParams, body: UpdateConversationRequest, response: { 200: Conversation } },
    },
    async (request) =>
      change(request, request.params.id, (actor) =>
        updateConversation(ctx.events, actor, request.params.id, request.body),
      ),
  );

  r.post(
    '/api/conversations/:id/assign',
    {
      ...conversationRoute,
      schema: { params: IdParams, body: AssignConversationRequest, response: { 200: Conversation } },
    },
    async (request) =>
      change(request, request.params.id, (actor) =>
        assignConversation(ctx.events, actor, request.params.id, request.body.userId),
      ),
  );

  r.post(
    '/api/conversations/:id/assign-to-me',
    { ...conversationRoute, schema: { params: IdParams, response: { 200: Conversation } } },
    async (request) =>
      change(request, request.params.id, (actor) =>
        assignConversationToMe(ctx.events, actor, request.params.id),
      ),
  );

  r.put(
    '/api/conversations/:id/queue',
    {
      ...conversationRoute,
      schema: { params: IdParams, body: ChangeConversationQueueRequest, response: { 200: Conversation } },
    },
    async (request) =>
      change(request, request.params.id, (actor) =>
        changeConversationQueue(ctx.events, actor, request.params.id, request.body.queueId),
      ),
  );

  r.post(
    '/api/conversations/:id/tags',
    {
      ...conversationRoute,
      schema: { params: IdParams, body: AddConversationTagRequest, response: { 200: Conversation } },
    },
    async (request) =>
      change(request, request.params.id, (actor) =>
        addConversationTag(ctx.events, actor, request.params.id, request.body.tagId),
      ),
  );

  r.delete(
    '/api/conversations/:id/tags/:tagId',
    { ...conversationRoute, schema: { params: TagParams, response: { 200: Conversation } } },
    async (request) =>
      change(request, request.params.id, (actor) =>
        removeConversationTag(ctx.events, actor, request.params.id, request.params.tagId),
      ),
  );
}

import {
  ConversationCountQuery,
  CreateViewRequest,
  SavedView,
  SavedViewList,
  UpdateViewRequest,
  ViewCount,
  ViewCounts,
} from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { currentUser } from '../../platform/http/access.ts';
import { countList, countSidebar } from './views.counts.ts';
import type { ViewUser } from './views.policy.ts';
import { presentView } from './views.presenter.ts';
import { findVisibleView, listVisibleViews } from './views.repo.ts';
import { createView, deleteView, updateView } from './views.service.ts';

const IdParams = z.object({ id: z.uuid() });

const viewUser = (request: FastifyRequest): ViewUser => {
  const user = currentUser(request);
  return { userId: user.userId, roles: user.roles };
};

/** D5 custom views (saved ALL WORK filters), the sidebar counts and the count of an unsaved list. */
export async function registerViewsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const agent = { access: 'agent' } as const;

  async function presentVisible(user: ViewUser, id: string): Promise<SavedView> {
    const row = await findVisibleView(ctx.db.orm, id, user.userId);
    if (!row) throw notFound('View');
    return presentView(row, user);
  }

  r.get('/api/views', { config: agent, schema: { response: { 200: SavedViewList } } }, async (request) => {
    const user = viewUser(request);
    return { items: (await listVisibleViews(ctx.db.orm, user.userId)).map((row) => presentView(row, user)) };
  });

  r.get(
    '/api/views/counts',
    { config: agent, schema: { response: { 200: ViewCounts } } },
    async (request) => {
      const user = viewUser(request);
      return countSidebar(ctx.db.orm, user, await listVisibleViews(ctx.db.orm, user.userId));
    },
  );

  r.get(
    '/api/views/count',
    { config: agent, schema: { querystring: ConversationCountQuery, response: { 200: ViewCount } } },
    async (request) => countList(ctx.db.orm, request.query, viewUser(request)),
  );

  r.get(
    '/api/views/:id',
    { config: agent, schema: { params: IdParams, response: { 200: SavedView } } },
    async (request) => presentVisible(viewUser(request), request.params.id),
  );

  r.post(
    '/api/views',
    { config: agent, schema: { body: CreateViewRequest, response: { 201: SavedView } } },
    async (request, reply) => {
      const user = viewUser(request);
      const row = await createView(ctx.events, user, request.body);
      return reply.status(201).send(await presentVisible(user, row.id));
    },
  );

  r.patch(
    '/api/views/:id',
    { config: agent, schema: { params: IdParams, body: UpdateViewRequest, response: { 200: SavedView } } },
    async (request) => {
      const user = viewUser(request);
      await updateView(ctx.events, user, request.params.id, request.body);
      return presentVisible(user, request.params.id);
    },
  );

  r.delete('/api/views/:id', { config: agent, schema: { params: IdParams } }, async (request, reply) => {
    await deleteView(ctx.events, viewUser(request), request.params.id);
    return reply.status(204).send();
  });
}

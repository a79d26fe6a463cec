import { CreateTagRequest, Tag, TagList, TagListQuery, UpdateTagRequest } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { currentUser } from '../../platform/http/access.ts';
import { personActor } from '../conversations/conversations.policy.ts';
import { presentTag } from './tags.presenter.ts';
import { listTags } from './tags.repo.ts';
import { createTag, deleteTag, updateTag } from './tags.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** D8 tag catalogue: agents read it to tag conversations; supervisors manage it. */
export async function registerTagsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/tags',
    { config: { access: 'agent' }, schema: { querystring: TagListQuery, response: { 200: TagList } } },
    async (request) => ({ items: (await listTags(ctx.db.orm, request.query.kind)).map(presentTag) }),
  );

  r.post(
    '/api/tags',
    { config: { access: 'supervisor' }, schema: { body: CreateTagRequest, response: { 201: Tag } } },
    async (request, reply) => reply.status(201).send(presentTag(await createTag(ctx.events, request.body))),
  );

  r.patch(
    '/api/tags/:id',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: UpdateTagRequest, response: { 200: Tag } },
    },
    async (request) => presentTag(await updateTag(ctx.events, request.params.id, request.body)),
  );

  r.delete(
    '/api/tags/:id',
    { config: { access: 'supervisor' }, schema: { params: IdParams } },
    async (request, reply) => {
      const user = currentUser(request);
      await deleteTag(ctx.events, personActor({ id: user.userId, roles: user.roles }), request.params.id);
      return reply.status(204).send();
    },
  );
}

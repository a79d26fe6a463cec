import {
  CreateTagRequest,
  Tag,
  TagList,
  TagListQuery,
  TagUsage,
  TagUsageList,
  UpdateTagRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { currentUser } from '../../platform/http/access.ts';
import { personActor } from '../conversations/conversations.policy.ts';
import { presentTag } from './tags.presenter.ts';
import { findTagUsage, listTags, listTagUsage } from './tags.repo.ts';
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

  // Usage is for managing the catalogue (the delete confirmation states it), not for tagging.
  r.get(
    '/api/tags/usage',
    {
      config: { access: 'supervisor' },
      schema: { querystring: TagListQuery, response: { 200: TagUsageList } },
    },
    async (request) => ({ items: await listTagUsage(ctx.db.orm, request.query.kind) }),
  );

  r.get(
    '/api/tags/:id/usage',
    { config: { access: 'supervisor' }, schema: { params: IdParams, response: { 200: TagUsage } } },
    async (request) => {
      const usage = await findTagUsage(ctx.db.orm, request.params.id);
      if (!usage) throw notFound('Tag');
      return usage;
    },
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

import {
  CreateTemplateRequest,
  Template,
  TemplateList,
  TemplateListQuery,
  UpdateTemplateRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { presentTemplate, presentTemplates } from './templates.presenter.ts';
import { listTemplateRows } from './templates.repo.ts';
import { createTemplate, deleteTemplate, getTemplate, updateTemplate } from './templates.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** D7 user-defined templates: agents list and insert them; supervisors manage them. */
export async function registerTemplatesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orm } = ctx.db;

  r.get(
    '/api/templates',
    {
      config: { access: 'agent' },
      schema: { querystring: TemplateListQuery, response: { 200: TemplateList } },
    },
    async (request) => ({ items: await presentTemplates(orm, await listTemplateRows(orm, request.query)) }),
  );

  r.get(
    '/api/templates/:id',
    { config: { access: 'agent' }, schema: { params: IdParams, response: { 200: Template } } },
    async (request) => presentTemplate(orm, await getTemplate(orm, request.params.id)),
  );

  r.post(
    '/api/templates',
    {
      config: { access: 'supervisor' },
      schema: { body: CreateTemplateRequest, response: { 201: Template } },
    },
    async (request, reply) =>
      reply.status(201).send(await presentTemplate(orm, await createTemplate(ctx.events, request.body))),
  );

  r.patch(
    '/api/templates/:id',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: UpdateTemplateRequest, response: { 200: Template } },
    },
    async (request) =>
      presentTemplate(orm, await updateTemplate(ctx.events, request.params.id, request.body)),
  );

  r.delete(
    '/api/templates/:id',
    { config: { access: 'supervisor' }, schema: { params: IdParams } },
    async (request, reply) => {
      await deleteTemplate(ctx.events, request.params.id);
      return reply.status(204).send();
    },
  );
}

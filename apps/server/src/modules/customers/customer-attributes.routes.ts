import {
  AttributeDefinition,
  AttributeDefinitionList,
  CreateAttributeDefinitionRequest,
  CustomerCardConfig,
  UpdateAttributeDefinitionRequest,
  UpdateCustomerCardRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { type DefinitionRow, listDefinitions } from './customer-attributes.repo.ts';
import {
  createAttributeDefinition,
  deleteAttributeDefinition,
  updateAttributeDefinition,
} from './customer-attributes.service.ts';
import { getCustomerCard, setCustomerCard } from './customer-card.service.ts';
import { IdParams } from './customers.routes.ts';

function presentDefinition(d: DefinitionRow): AttributeDefinition {
  return { id: d.id, name: d.name, type: d.type, options: d.options, createdAt: d.createdAt.toISOString() };
}

/** Custom attribute definitions and the customer card configuration: agents read, supervisors change (D1, D6). */
export async function registerCustomerAttributeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/customer-attributes',
    { config: { access: 'agent' }, schema: { response: { 200: AttributeDefinitionList } } },
    async () => ({ items: (await listDefinitions(ctx.db.orm)).map(presentDefinition) }),
  );

  r.post(
    '/api/customer-attributes',
    {
      config: { access: 'supervisor' },
      schema: { body: CreateAttributeDefinitionRequest, response: { 201: AttributeDefinition } },
    },
    async (request, reply) => {
      const created = await createAttributeDefinition(ctx.events, request.body);
      return reply.status(201).send(presentDefinition(created));
    },
  );

  r.patch(
    '/api/customer-attributes/:id',
    {
      config: { access: 'supervisor' },
      schema: {
        params: IdParams,
        body: UpdateAttributeDefinitionRequest,
        response: { 200: AttributeDefinition },
      },
    },
    async (request) =>
      presentDefinition(await updateAttributeDefinition(ctx.events, request.params.id, request.body)),
  );

  r.delete(
    '/api/customer-attributes/:id',
    { config: { access: 'supervisor' }, schema: { params: IdParams } },
    async (request, reply) => {
      await deleteAttributeDefinition(ctx.events, request.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/customer-card',
    { config: { access: 'agent' }, schema: { response: { 200: CustomerCardConfig } } },
    async () => getCustomerCard(ctx.db.orm),
  );

  r.put(
    '/api/customer-card',
    {
      config: { access: 'supervisor' },
      schema: { body: UpdateCustomerCardRequest, response: { 200: CustomerCardConfig } },
    },
    async (request) => {
      await setCustomerCard(ctx.events, request.body.fields);
      return getCustomerCard(ctx.db.orm);
    },
  );
}

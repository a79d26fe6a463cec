import {
  CreateCustomerRequest,
  Customer,
  CustomerDetail,
  CustomerPage,
  CustomerSearchQuery,
  CustomerTagList,
  UpdateCustomerRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../conversations/conversations.queries.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { presentCustomer, presentCustomerDetail } from './customers.presenter.ts';
import { listTagNames } from './customers.repo.ts';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  searchCustomers,
  updateCustomer,
} from './customers.service.ts';

export const IdParams = z.object({ id: z.uuid() });
/** Cursors of this list are refused by every other list (and theirs here). */
const CURSOR_ORDER = 'customers:name';
/** How many tag names the suggestions offer. */
const TAG_SUGGESTIONS = 500;

/**
 * D6 customers: search (keyset pages by name), the profile with its conversations, create, change
 * (agents within the customer card's rules) and delete (supervisors).
 */
export async function registerCustomersRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/customers',
    {
      config: { access: 'agent' },
      schema: { querystring: CustomerSearchQuery, response: { 200: CustomerPage } },
    },
    async (request) => {
      const { q, cursor, limit } = request.query;
      const after = cursor ? decodeCursor(cursor, CURSOR_ORDER, 'text') : undefined;
      // One extra row tells whether another page follows.
      const rows = await searchCustomers(
        ctx.db.orm,
        q,
        limit + 1,
        after && { name: after.key, id: after.id },
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentCustomer),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor({ order: CURSOR_ORDER, key: last.name ?? '', id: last.id })
            : null,
      };
    },
  );

  r.get(
    '/api/customer-tags',
    { config: { access: 'agent' }, schema: { response: { 200: CustomerTagList } } },
    async () => ({ items: await listTagNames(ctx.db.orm, TAG_SUGGESTIONS) }),
  );

  r.get(
    '/api/customers/:id',
    { config: { access: 'agent' }, schema: { params: IdParams, response: { 200: CustomerDetail } } },
    async (request) => {
      const { viewer } = callerOf(request);
      const customer = await getCustomer(ctx.db.orm, request.params.id);
      return presentCustomerDetail(ctx.db.orm, customer, viewer);
    },
  );

  r.post(
    '/api/customers',
    { config: { access: 'agent' }, schema: { body: CreateCustomerRequest, response: { 201: Customer } } },
    async (request, reply) => {
      const { actor } = callerOf(request);
      const customer = await createCustomer(ctx.events, request.body, actor);
      return reply.status(201).send(presentCustomer(customer));
    },
  );

  r.patch(
    '/api/customers/:id',
    {
      config: { access: 'agent' },
      schema: { params: IdParams, body: UpdateCustomerRequest, response: { 200: Customer } },
    },
    async (request) => {
      const { actor } = callerOf(request);
      return presentCustomer(await updateCustomer(ctx.events, actor, request.params.id, request.body));
    },
  );

  r.delete(
    '/api/customers/:id',
    { config: { access: 'supervisor' }, schema: { params: IdParams } },
    async (request, reply) => {
      const { actor } = callerOf(request);
      await deleteCustomer(ctx.events, actor, request.params.id);
      return reply.status(204).send();
    },
  );
}

import {
  CreateCustomerRequest,
  Customer,
  CustomerDetail,
  CustomerPage,
  CustomerSearchQuery,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { currentUser } from '../../platform/http/access.ts';
import { decodeCursor, encodeCursor } from '../conversations/conversations.queries.ts';
import { presentCustomer, presentCustomerDetail } from './customers.presenter.ts';
import { createCustomer, getCustomer, searchCustomers } from './customers.service.ts';

const IdParams = z.object({ id: z.uuid() });
/** Cursors of this list are refused by every other list (and theirs here). */
const CURSOR_ORDER = 'customers:name';

/** D6 customers: search (keyset pages by name), the customer card, and creating a profile. */
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
    '/api/customers/:id',
    { config: { access: 'agent' }, schema: { params: IdParams, response: { 200: CustomerDetail } } },
    async (request) => {
      const user = currentUser(request);
      const customer = await getCustomer(ctx.db.orm, request.params.id);
      return presentCustomerDetail(ctx.db.orm, customer, { userId: user.userId, roles: user.roles });
    },
  );

  r.post(
    '/api/customers',
    { config: { access: 'agent' }, schema: { body: CreateCustomerRequest, response: { 201: Customer } } },
    async (request, reply) => {
      const customer = await createCustomer(ctx.events, request.body);
      return reply.status(201).send(presentCustomer(customer));
    },
  );
}

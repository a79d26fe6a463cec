import { Person, PersonBody, PersonListQuery, PersonLookupQuery, PersonPage } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ccaasFieldError } from '../ccaas/errors.ts';
import { parsePage } from '../ccaas/pagination.ts';
import type { Actor } from '../modules/conversations/conversations.policy.ts';
import { listDefinitions } from '../modules/customers/customer-attributes.repo.ts';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  updateCustomer,
  withDetails,
} from '../modules/customers/customers.service.ts';
import type { AppContext } from '../platform/context.ts';
import { presentPerson } from './person.presenter.ts';
import { personInput } from './person-input.ts';
import { findPerson } from './person-lookup.ts';
import { listPersonPage, PERSON_ORDER_FIELDS } from './persons.query.ts';

const access = 'api-key' as const;
/** An integration keeps profiles in sync; the customer card's agent rules do not apply to it. */
const INTEGRATION: Actor = { kind: 'automation' };

/** `/people/2/persons`: list, get, create, update (PUT replaces, PATCH merges) and delete persons. */
export async function registerPersonRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  r.get(
    '/persons',
    {
      config: { access },
      schema: { querystring: PersonListQuery, response: { 200: z.union([Person, PersonPage]) } },
    },
    async (request) => {
      const query = request.query;
      if (query.filter !== undefined) throw ccaasFieldError('filter', 'is not supported by Parley');
      if (query.identifier !== undefined) {
        return presentPerson(await getCustomer(db.orm, (await findPerson(db.orm, query)).id));
      }
      // The reference's pages are 1-based; the shared parser counts from 0.
      const page = parsePage(
        { page: query.page - 1, limit: query.limit, orderBy: query.orderBy },
        PERSON_ORDER_FIELDS,
      );
      const { rows, total } = await listPersonPage(db.orm, page, query.includeTotalCount);
      return {
        persons: (await withDetails(db.orm, rows)).map(presentPerson),
        page: query.page,
        limit: query.limit,
        orderBy: page.orderBy,
        ...(query.includeTotalCount && { totalCount: total }),
      };
    },
  );

  r.post(
    '/persons',
    { config: { access }, schema: { body: PersonBody, response: { 200: Person } } },
    async (request) => {
      const input = personInput(request.body, 'create', await listDefinitions(db.orm));
      return presentPerson(
        await createCustomer(
          events,
          { ...input, name: input.name ?? null, destinations: input.destinations ?? [] },
          INTEGRATION,
        ),
      );
    },
  );

  for (const [method, mode] of [
    ['PUT', 'replace'],
    ['PATCH', 'patch'],
  ] as const) {
    r.route({
      method,
      url: '/persons',
      config: { access },
      schema: { querystring: PersonLookupQuery, body: PersonBody, response: { 200: Person } },
      handler: async (request) => {
        const { id } = await findPerson(db.orm, request.query);
        const definitions = await listDefinitions(db.orm);
        // Computed from the profile as locked in the transaction: PATCH appends to its tags and addresses.
        const updated = await updateCustomer(events, INTEGRATION, id, (current) =>
          personInput(request.body, mode, definitions, current),
        );
        return presentPerson(updated);
      },
    });
  }

  r.delete(
    '/persons',
    { config: { access }, schema: { querystring: PersonLookupQuery } },
    async (request, reply) => {
      const row = await findPerson(db.orm, request.query);
      await deleteCustomer(events, INTEGRATION, row.id);
      return reply.status(200).send();
    },
  );
}

import { count, sql } from 'drizzle-orm';
import { type PageRequest, pageOf } from '../ccaas/pagination.ts';
import type { CustomerRow } from '../modules/customers/customers.repo.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import type { Orm } from '../platform/db/client.ts';

/** The orderings the reference offers (besides the always-present id). */
export const PERSON_ORDER_FIELDS = ['firstName', 'lastName', 'createdAt', 'modifiedAt'] as const;
export type PersonOrderField = (typeof PERSON_ORDER_FIELDS)[number];

const name = sql`lower(coalesce(${customers.name}, ''))`;
const ORDER_COLUMNS = {
  id: customers.personNumber,
  firstName: name,
  // The last word, as presentPerson reads the last name.
  lastName: sql`regexp_replace(${name}, '^.*\\s', '')`,
  createdAt: customers.createdAt,
  modifiedAt: customers.updatedAt,
};

/** One page of all profiles in the requested order; the total only when asked for. */
export function listPersonPage(
  orm: Orm,
  page: PageRequest<PersonOrderField | 'id'>,
  withTotal: boolean,
): Promise<{ rows: CustomerRow[]; total: number }> {
  const total = withTotal ? orm.select({ total: count() }).from(customers) : Promise.resolve([{ total: 0 }]);
  return pageOf(orm.select().from(customers).$dynamic(), total, page, ORDER_COLUMNS);
}

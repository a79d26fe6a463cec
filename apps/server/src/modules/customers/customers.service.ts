import type { Channel, Gender } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import {
  type CustomerNameKey,
  type CustomerRow,
  type DestinationRow,
  findCustomerById,
  insertCustomer,
  insertDestinations,
  listDestinations,
  searchCustomerRows,
} from './customers.repo.ts';

/** A customer profile with its destinations. */
export interface CustomerWithDestinations extends CustomerRow {
  destinations: DestinationRow[];
}

export interface NewCustomerInput {
  name: string | null;
  gender?: Gender | null;
  city?: string | null;
  country?: string | null;
  destinations: { channel: Channel; address: string }[];
}

async function withDestinations(orm: Orm, rows: CustomerRow[]): Promise<CustomerWithDestinations[]> {
  const destinations = await listDestinations(
    orm,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, destinations: destinations.filter((d) => d.customerId === r.id) }));
}

/** An agent creates a profile (D6); an address another profile owns is refused with `conflict`. */
export function createCustomer(events: Events, input: NewCustomerInput): Promise<CustomerWithDestinations> {
  return events.transact(async ({ tx, emit }) => {
    const customer = await insertCustomer(tx, {
      name: input.name,
      gender: input.gender ?? null,
      city: input.city ?? null,
      country: input.country ?? null,
    });
    try {
      await insertDestinations(tx, customer.id, input.destinations);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', 409, 'One of these addresses already belongs to another customer');
      }
      throw error;
    }
    const [created] = await withDestinations(tx, [customer]);
    if (!created) throw new Error('created customer vanished');
    emit('customer.created', { id: created.id, name: created.name });
    return created;
  });
}

/** One profile with its destinations. */
export async function getCustomer(orm: Orm, id: string): Promise<CustomerWithDestinations> {
  const row = await findCustomerById(orm, id);
  if (!row) throw notFound('Customer');
  const [customer] = await withDestinations(orm, [row]);
  if (!customer) throw notFound('Customer');
  return customer;
}

/** Search by part of the name or of an address, for the customer picker and People search; `after` pages on. */
export async function searchCustomers(
  orm: Orm,
  query: string,
  limit = 20,
  after?: CustomerNameKey,
): Promise<CustomerWithDestinations[]> {
  return withDestinations(orm, await searchCustomerRows(orm, query.trim(), limit, after));
}

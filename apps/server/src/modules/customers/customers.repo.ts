import type { Channel } from '@parley/contracts';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { customerDestinations, customers } from './customers.schema.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type DestinationRow = typeof customerDestinations.$inferSelect;

/** The profile that owns this address on this channel (D6 recognition). */
export async function findCustomerByDestination(
  orm: Orm,
  channel: Channel,
  address: string,
): Promise<CustomerRow | undefined> {
  const [row] = await orm
    .select({ customer: customers })
    .from(customerDestinations)
    .innerJoin(customers, eq(customers.id, customerDestinations.customerId))
    .where(and(eq(customerDestinations.channel, channel), eq(customerDestinations.address, address)));
  return row?.customer;
}

/** findCustomerByDestination for many addresses in one statement; addresses of no profile are absent. */
export function findCustomersByDestinations(
  orm: Orm,
  destinations: readonly { channel: Channel; address: string }[],
): Promise<Array<{ channel: Channel; address: string; customer: CustomerRow }>> {
  if (destinations.length === 0) return Promise.resolve([]);
  const json = JSON.stringify(destinations.map((d) => [d.channel, d.address]));
  return orm
    .select({
      channel: customerDestinations.channel,
      address: customerDestinations.address,
      customer: customers,
    })
    .from(customerDestinations)
    .innerJoin(customers, eq(customers.id, customerDestinations.customerId))
    .where(
      sql`(${customerDestinations.channel}, ${customerDestinations.address}) in (
        select d->>0, d->>1 from jsonb_array_elements(${json}::jsonb) d)`,
    );
}

export async function findCustomerById(orm: Orm, id: string): Promise<CustomerRow | undefined> {
  const [row] = await orm.select().from(customers).where(eq(customers.id, id));
  return row;
}

export function listDestinations(orm: Orm, customerIds: readonly string[]): Promise<DestinationRow[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return orm
    .select()
    .from(customerDestinations)
    .where(inArray(customerDestinations.customerId, [...customerIds]))
    .orderBy(asc(customerDestinations.createdAt), asc(customerDestinations.id));
}

export async function insertCustomer(
  tx: Orm,
  values: Pick<CustomerRow, 'name'> &
    Partial<Pick<CustomerRow, 'gender' | 'city' | 'country' | 'attributes'>>,
): Promise<CustomerRow> {
  const [row] = await tx
    .insert(customers)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into customers returned no row');
  return row;
}

export async function insertDestinations(
  tx: Orm,
  customerId: string,
  destinations: readonly { channel: Channel; address: string }[],
): Promise<void> {
  if (destinations.length === 0) return;
  await tx
    .insert(customerDestinations)
    .values(destinations.map((d) => ({ id: crypto.randomUUID(), customerId, ...d })));
}

/** The keyset position of a customer in name order: its name ('' when unnamed) and id. */
export interface CustomerNameKey {
  name: string;
  id: string;
}

const nameKey = sql`lower(coalesce(${customers.name}, ''))`;

/**
 * Profiles whose name or one of whose addresses contains `query` (case-insensitive), by name;
 * `after` continues a previous page (keyset).
 */
export function searchCustomerRows(
  orm: Orm,
  query: string,
  limit: number,
  after?: CustomerNameKey,
): Promise<CustomerRow[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return orm
    .select()
    .from(customers)
    .where(
      and(
        or(
          ilike(customers.name, pattern),
          sql`exists (select 1 from ${customerDestinations} d where d.customer_id = ${customers.id} and d.address ilike ${pattern})`,
        ),
        after && sql`(${nameKey}, ${customers.id}) > (lower(${after.name}), ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(nameKey), asc(customers.id))
    .limit(limit);
}

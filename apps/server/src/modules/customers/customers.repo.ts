import { CHANNELS, type Channel } from '@parley/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { customerDestinations, customers, customerTags } from './customers.schema.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type DestinationRow = typeof customerDestinations.$inferSelect;
export type CustomerValues = Partial<
  Pick<CustomerRow, 'name' | 'gender' | 'city' | 'country' | 'attributes' | 'externalId'>
>;

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

/** Locks the profiles (in id order, so two merges of the same pair cannot deadlock). */
export async function lockCustomers(tx: Orm, ids: readonly string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(customers)
    .where(inArray(customers.id, [...ids]))
    .orderBy(asc(customers.id))
    .for('update');
}

export async function findCustomerByPersonNumber(orm: Orm, n: number): Promise<CustomerRow | undefined> {
  const [row] = await orm.select().from(customers).where(eq(customers.personNumber, n));
  return row;
}

export async function findCustomerByExternalId(orm: Orm, id: string): Promise<CustomerRow | undefined> {
  const [row] = await orm.select().from(customers).where(eq(customers.externalId, id));
  return row;
}

/** Addresses list in the contracts' channel order (phone channels first), then by address. */
const channelOrder = sql`array_position(${sql.raw(`array[${CHANNELS.map((c) => `'${c}'`).join(', ')}]`)}::text[], ${customerDestinations.channel})`;

export function listDestinations(orm: Orm, customerIds: readonly string[]): Promise<DestinationRow[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return orm
    .select()
    .from(customerDestinations)
    .where(inArray(customerDestinations.customerId, [...customerIds]))
    .orderBy(channelOrder, asc(customerDestinations.address));
}

export function listTags(
  orm: Orm,
  customerIds: readonly string[],
): Promise<{ customerId: string; name: string }[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return orm
    .select({ customerId: customerTags.customerId, name: customerTags.name })
    .from(customerTags)
    .where(inArray(customerTags.customerId, [...customerIds]))
    .orderBy(asc(sql`lower(${customerTags.name})`));
}

/** Every customer tag name in use (case-insensitively distinct), for suggestions. */
export async function listTagNames(orm: Orm, limit: number): Promise<string[]> {
  const rows = await orm.execute<{ name: string }>(sql`
    select min(${customerTags.name}) as name from ${customerTags}
    group by lower(${customerTags.name}) order by lower(min(${customerTags.name})) limit ${limit}`);
  return rows.rows.map((r) => r.name);
}

export async function insertCustomer(
  tx: Orm,
  values: Pick<CustomerRow, 'name'> & CustomerValues,
): Promise<CustomerRow> {
  const [row] = await tx
    .insert(customers)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into customers returned no row');
  return row;
}

export async function updateCustomerRow(tx: Orm, id: string, values: CustomerValues): Promise<void> {
  await tx
    .update(customers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(customers.id, id));
}

export async function deleteCustomerRow(tx: Orm, id: string): Promise<void> {
  await tx.delete(customers).where(eq(customers.id, id));
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

/** Removes these addresses from the profile; the others stay. */
export async function deleteDestinations(
  tx: Orm,
  customerId: string,
  destinations: readonly { channel: Channel; address: string }[],
): Promise<void> {
  for (const d of destinations) {
    await tx
      .delete(customerDestinations)
      .where(
        and(
          eq(customerDestinations.customerId, customerId),
          eq(customerDestinations.channel, d.channel),
          eq(customerDestinations.address, d.address),
        ),
      );
  }
}

/** Replaces the profile's tags with these names (already distinct case-insensitively). */
export async function replaceTags(tx: Orm, customerId: string, names: readonly string[]): Promise<void> {
  await tx.delete(customerTags).where(eq(customerTags.customerId, customerId));
  if (names.length === 0) return;
  await tx.insert(customerTags).values(names.map((name) => ({ customerId, name })));
}

/** Rewrites `search_text` of these profiles (or of all) from their fields, addresses, tags and values. */
export async function refreshSearchText(tx: Orm, ids: readonly string[] | 'all'): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  const which = ids === 'all' ? sql`true` : sql`c.id in ${[...ids]}`;
  await tx.execute(sql`
    update ${customers} c set search_text = lower(concat_ws(' ', c.name, c.city, c.country,
      (select string_agg(d.address, ' ') from ${customerDestinations} d where d.customer_id = c.id),
      (select string_agg(t.name, ' ') from ${customerTags} t where t.customer_id = c.id),
      (select string_agg(a.value, ' ') from jsonb_each_text(c.attributes) a)))
    where ${which}`);
}

/** The keyset position of a customer in name order: its name ('' when unnamed) and id. */
export interface CustomerNameKey {
  name: string;
  id: string;
}

const nameKey = sql`lower(coalesce(${customers.name}, ''))`;

/** A typed phone number ("+385 91-123") searches for its digits, as addresses store them. */
function searchPattern(query: string): string {
  const q = /^[+\d\s\-().]*\d[+\d\s\-().]*$/.test(query) ? query.replace(/\D/g, '') : query.toLowerCase();
  return containsPattern(q);
}

/**
 * Profiles whose name, city, country, address, tag or attribute value contains `query`
 * (case-insensitive; a trigram index serves it), by name; `after` continues a previous page (keyset).
 */
export function searchCustomerRows(
  orm: Orm,
  query: string,
  limit: number,
  after?: CustomerNameKey,
): Promise<CustomerRow[]> {
  return orm
    .select()
    .from(customers)
    .where(
      and(
        query === '' ? undefined : sql`${customers.searchText} like ${searchPattern(query)}`,
        after && sql`(${nameKey}, ${customers.id}) > (lower(${after.name}), ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(nameKey), asc(customers.id))
    .limit(limit);
}

/** A whole new profile for a bulk insert (CSV import). */
export interface NewProfileRows {
  customer: Pick<CustomerRow, 'id' | 'name' | 'gender' | 'city' | 'country' | 'attributes'>;
  destinations: readonly { channel: Channel; address: string }[];
  tags: readonly string[];
}

// PostgreSQL binds at most 65535 parameters per statement; 1000 rows of ≤ 6 columns stays below.
const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Inserts many profiles with their addresses and tags in a few statements; the caller refreshes search text. */
export async function insertProfiles(tx: Orm, profiles: readonly NewProfileRows[]): Promise<void> {
  await insertChunked(
    profiles.map((p) => p.customer),
    (chunk) => tx.insert(customers).values(chunk),
  );
  const destinations = profiles.flatMap((p) =>
    p.destinations.map((d) => ({ id: crypto.randomUUID(), customerId: p.customer.id, ...d })),
  );
  await insertChunked(destinations, (chunk) => tx.insert(customerDestinations).values(chunk));
  const tags = profiles.flatMap((p) => p.tags.map((name) => ({ customerId: p.customer.id, name })));
  await insertChunked(tags, (chunk) => tx.insert(customerTags).values(chunk));
}

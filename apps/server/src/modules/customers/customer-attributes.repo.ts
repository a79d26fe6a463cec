import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { customerAttributeDefinitions, customerCardFields } from './customer-attributes.schema.ts';
import { customers } from './customers.schema.ts';

export type DefinitionRow = typeof customerAttributeDefinitions.$inferSelect;
export type CardFieldRow = typeof customerCardFields.$inferSelect;

/** Every attribute definition by name (the order profiles and the CSV columns show them in). */
export function listDefinitions(orm: Orm): Promise<DefinitionRow[]> {
  return orm
    .select()
    .from(customerAttributeDefinitions)
    .orderBy(sql`lower(${customerAttributeDefinitions.name})`);
}

export async function findDefinitionForUpdate(tx: Orm, id: string): Promise<DefinitionRow | undefined> {
  const [row] = await tx
    .select()
    .from(customerAttributeDefinitions)
    .where(eq(customerAttributeDefinitions.id, id))
    .for('update');
  return row;
}

export async function insertDefinition(
  tx: Orm,
  values: Pick<DefinitionRow, 'name' | 'type' | 'options'>,
): Promise<DefinitionRow> {
  const [row] = await tx
    .insert(customerAttributeDefinitions)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into customer_attribute_definitions returned no row');
  return row;
}

export async function updateDefinitionRow(
  tx: Orm,
  id: string,
  values: Partial<Pick<DefinitionRow, 'name' | 'options'>>,
): Promise<DefinitionRow> {
  const [row] = await tx
    .update(customerAttributeDefinitions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(customerAttributeDefinitions.id, id))
    .returning();
  if (!row) throw new Error('updated attribute definition vanished');
  return row;
}

export async function deleteDefinitionRow(tx: Orm, id: string): Promise<void> {
  await tx.delete(customerAttributeDefinitions).where(eq(customerAttributeDefinitions.id, id));
}

/** Moves every profile's value of attribute `from` to the key `to` (a rename). */
export async function renameAttributeValues(tx: Orm, from: string, to: string): Promise<void> {
  await tx.execute(sql`
    update ${customers} set attributes = (attributes - ${from}::text) || jsonb_build_object(${to}::text, attributes -> ${from}::text)
    where attributes ? ${from}::text`);
}

/** Removes attribute `name` from every profile; returns the ids of the profiles that had it. */
export async function removeAttributeValues(tx: Orm, name: string): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    update ${customers} set attributes = attributes - ${name}::text, updated_at = now()
    where attributes ? ${name}::text returning id`);
  return result.rows.map((r) => r.id);
}

/** How many profiles hold each of these values of attribute `name`; values held by none are absent. */
export async function countAttributeValues(
  tx: Orm,
  name: string,
  values: readonly string[],
): Promise<Map<string, number>> {
  if (values.length === 0) return new Map();
  const value = sql<string>`${customers.attributes} ->> ${name}::text`;
  const rows = await tx
    .select({ value, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(inArray(value, [...values]))
    .groupBy(sql`1`);
  return new Map(rows.map((r) => [r.value, r.count]));
}

/** The card configuration rows in display order: basic first, then additional, each by position. */
export function listCardFields(orm: Orm): Promise<CardFieldRow[]> {
  return orm
    .select()
    .from(customerCardFields)
    .orderBy(
      sql`case ${customerCardFields.section} when 'basic' then 0 else 1 end`,
      asc(customerCardFields.position),
    );
}

/** Replaces the whole card configuration. */
export async function replaceCardFields(tx: Orm, rows: readonly Omit<CardFieldRow, 'id'>[]): Promise<void> {
  await tx.delete(customerCardFields);
  if (rows.length === 0) return;
  await tx.insert(customerCardFields).values(rows.map((r) => ({ id: crypto.randomUUID(), ...r })));
}

import type { TagKind } from '@parley/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { tags } from './tags.schema.ts';

export type TagRow = typeof tags.$inferSelect;

export async function findTagById(orm: Orm, id: string): Promise<TagRow | undefined> {
  const [row] = await orm.select().from(tags).where(eq(tags.id, id));
  return row;
}

export function listTags(orm: Orm, kind: TagKind): Promise<TagRow[]> {
  return orm
    .select()
    .from(tags)
    .where(eq(tags.kind, kind))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
}

export async function insertTag(tx: Orm, values: Pick<TagRow, 'name' | 'color' | 'kind'>): Promise<TagRow> {
  const [row] = await tx
    .insert(tags)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into tags returned no row');
  return row;
}

export async function updateTagRow(
  tx: Orm,
  id: string,
  patch: Partial<Pick<TagRow, 'name' | 'color'>>,
): Promise<TagRow | undefined> {
  const [row] = await tx
    .update(tags)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(tags.id, id))
    .returning();
  return row;
}

export async function deleteTagRow(tx: Orm, id: string): Promise<TagRow | undefined> {
  const [row] = await tx.delete(tags).where(eq(tags.id, id)).returning();
  return row;
}

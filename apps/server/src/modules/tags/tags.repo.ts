import type { TagKind } from '@parley/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { tags } from './tags.schema.ts';

export type TagRow = typeof tags.$inferSelect;

/**
 * The tag, deleted or not, share-locked until the transaction ends: a tag being put on a
 * conversation cannot be deleted meanwhile, and one being deleted is seen deleted once that commits.
 */
export async function lockTagForShare(tx: Orm, id: string): Promise<TagRow | undefined> {
  const [row] = await tx.select().from(tags).where(eq(tags.id, id)).for('share');
  return row;
}

/** A live (not deleted) tag, locked for a change. */
export async function findLiveTagForUpdate(tx: Orm, id: string): Promise<TagRow | undefined> {
  const [row] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.id, id), isNull(tags.deletedAt)))
    .for('update');
  return row;
}

/** The live catalogue of one kind, by name. */
export function listTags(orm: Orm, kind: TagKind): Promise<TagRow[]> {
  return orm
    .select()
    .from(tags)
    .where(and(eq(tags.kind, kind), isNull(tags.deletedAt)))
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

/** Changes a live tag; undefined when there is none (never existed or deleted). */
export async function updateTagRow(
  tx: Orm,
  id: string,
  patch: Partial<Pick<TagRow, 'name' | 'color' | 'deletedAt'>>,
): Promise<TagRow | undefined> {
  const [row] = await tx
    .update(tags)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(tags.id, id), isNull(tags.deletedAt)))
    .returning();
  return row;
}

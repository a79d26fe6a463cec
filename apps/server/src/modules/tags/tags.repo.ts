import type { TagKind, TagUsage } from '@parley/contracts';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conversations, conversationTags } from '../conversations/conversations.schema.ts';
import { templateTags } from '../templates/templates.schema.ts';
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

/**
 * The live tags of one kind among `ids`, share-locked like lockTagForShare, so none can be deleted
 * before the transaction that puts them on something commits.
 */
export function lockLiveTagsForShare(tx: Orm, kind: TagKind, ids: readonly string[]): Promise<TagRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(tags)
    .where(and(inArray(tags.id, [...ids]), eq(tags.kind, kind), isNull(tags.deletedAt)))
    .orderBy(asc(tags.id))
    .for('share');
}

// Qualified by hand: drizzle writes a single-table select's columns unqualified, and a bare "id"
// inside these subqueries would name the conversation's.
const outerTagId = sql`${tags}.${sql.identifier('id')}`;

const conversationsWithTag = (status: SQL) =>
  sql<number>`(select count(*)::int from ${conversationTags} ct
    join ${conversations} c on c.id = ct.conversation_id
    where ct.tag_id = ${outerTagId} and ${status})`;

/** How much each live tag matching `where` is used (TagUsage), one counting subquery per figure. */
function usageOf(orm: Orm, where: SQL | undefined): Promise<TagUsage[]> {
  return orm
    .select({
      tagId: tags.id,
      openConversations: conversationsWithTag(sql`c.status <> 'CLOSED'`),
      closedConversations: conversationsWithTag(sql`c.status = 'CLOSED'`),
      templates: sql<number>`(select count(*)::int from ${templateTags} tt where tt.tag_id = ${outerTagId})`,
    })
    .from(tags)
    .where(and(isNull(tags.deletedAt), where))
    .orderBy(asc(tags.id));
}

/** Usage of every live tag of one kind. */
export function listTagUsage(orm: Orm, kind: TagKind): Promise<TagUsage[]> {
  return usageOf(orm, eq(tags.kind, kind));
}

/** Usage of one live tag; undefined when there is none. */
export async function findTagUsage(orm: Orm, id: string): Promise<TagUsage | undefined> {
  const [usage] = await usageOf(orm, eq(tags.id, id));
  return usage;
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

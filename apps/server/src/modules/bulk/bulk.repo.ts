import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { ConversationPatch, ConversationRow } from '../conversations/conversations.repo.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import { queueMembers, queues } from '../queues/queues.schema.ts';

/** Rows per lookup query, well under PostgreSQL's parameter limit. */
const LOOKUP_BATCH = 1000;

/** The ids among `ids` of conversations that exist and the viewer may see (D4), a batch at a time. */
export async function findVisibleIds(orm: Orm, ids: readonly string[], viewer: Viewer): Promise<Set<string>> {
  const visible = new Set<string>();
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const batch = ids.slice(i, i + LOOKUP_BATCH);
    const rows = await orm
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(inArray(conversations.id, batch), visibleTo(viewer)));
    for (const row of rows) visible.add(row.id);
  }
  return visible;
}

/** Locks the conversations among `ids` that exist, in id order (so two batches never deadlock). */
export function lockConversations(tx: Orm, ids: readonly string[]): Promise<ConversationRow[]> {
  return tx
    .select()
    .from(conversations)
    .where(inArray(conversations.id, [...ids]))
    .orderBy(asc(conversations.id))
    .for('update');
}

/**
 * For each of `queueIds`: its members when it restricts assignment (a live queue other than the
 * Default queue), else null — what `restrictingMembers` of conversations.service answers for one.
 */
export async function restrictingMembersOf(
  tx: Orm,
  queueIds: readonly string[],
): Promise<Map<string, string[] | null>> {
  const result = new Map<string, string[] | null>(queueIds.map((id) => [id, null]));
  if (queueIds.length === 0) return result;
  const rows = await tx
    .select({ queueId: queues.id, userId: queueMembers.userId })
    .from(queues)
    .leftJoin(queueMembers, eq(queueMembers.queueId, queues.id))
    .where(and(inArray(queues.id, [...queueIds]), isNull(queues.deletedAt), eq(queues.isDefault, false)));
  for (const { queueId, userId } of rows) {
    const members = result.get(queueId) ?? [];
    if (userId) members.push(userId);
    result.set(queueId, members);
  }
  return result;
}

/** One UPDATE of the same change on many locked conversations; answers the rows as written. */
export function updateConversationRows(
  tx: Orm,
  ids: readonly string[],
  patch: ConversationPatch,
): Promise<ConversationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .update(conversations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(inArray(conversations.id, [...ids]))
    .returning();
}

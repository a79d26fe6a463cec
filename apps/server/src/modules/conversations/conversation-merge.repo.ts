import { asc, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { messages } from '../messages/messages.schema.ts';
import { notes } from '../messages/notes.schema.ts';
import { conversationLog } from './conversation-log.schema.ts';
import type { Actor } from './conversations.policy.ts';
import type { ConversationRow } from './conversations.repo.ts';
import { conversations, conversationTags } from './conversations.schema.ts';

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Locks these conversations in id order (the order every multi-conversation change takes). */
export function lockConversationsInOrder(tx: Orm, ids: readonly string[]): Promise<ConversationRow[]> {
  return tx
    .select()
    .from(conversations)
    .where(inArray(conversations.id, [...ids]))
    .orderBy(asc(conversations.id))
    .for('update');
}

/** What a merge moved into the target. */
export interface MovedContent {
  messages: number;
  notes: number;
  logEntries: number;
}

/**
 * Moves the messages, notes and change-log entries of `sourceIds` to `targetId`. Each keeps its
 * time, so the target's timeline (ordered by time, then id) interleaves them where they happened.
 */
export async function moveConversationContent(
  tx: Orm,
  sourceIds: readonly string[],
  targetId: string,
): Promise<MovedContent> {
  const move = async (table: typeof messages | typeof notes | typeof conversationLog) => {
    const result = await tx.execute(
      sql`update ${table} set conversation_id = ${targetId} where conversation_id = any(${uuidArray(sourceIds)})`,
    );
    return result.rowCount ?? 0;
  };
  return {
    messages: await move(messages),
    notes: await move(notes),
    logEntries: await move(conversationLog),
  };
}

/**
 * Moves the sources' tags to the target: the target ends with the union, the sources with none.
 * Returns the tags the target did not have, in name order, for the caller to log.
 */
export async function moveConversationTags(
  tx: Orm,
  sourceIds: readonly string[],
  targetId: string,
): Promise<string[]> {
  const added = await tx.execute<{ tag_id: string }>(sql`
    insert into ${conversationTags} (conversation_id, tag_id, created_at)
    select ${targetId}, tag_id, min(created_at) from ${conversationTags}
    where conversation_id = any(${uuidArray(sourceIds)})
    group by tag_id
    on conflict do nothing
    returning tag_id`);
  await tx.execute(sql`delete from ${conversationTags} where conversation_id = any(${uuidArray(sourceIds)})`);
  return added.rows.map((r) => r.tag_id).sort();
}

/**
 * Recomputes the target's customer-message times from its timeline after a merge: its last
 * customer message, and "pending" since the first customer message after the last reply (D2).
 */
export async function refreshCustomerTimes(tx: Orm, conversationId: string): Promise<ConversationRow> {
  const [row] = await tx
    .update(conversations)
    .set({
      lastCustomerMessageAt: sql`(select max(m.created_at) from ${messages} m
        where m.conversation_id = ${conversationId} and m.direction = 'INBOUND')`,
      pendingSince: sql`(select min(m.created_at) from ${messages} m
        where m.conversation_id = ${conversationId} and m.direction = 'INBOUND'
          and m.created_at > coalesce((select max(o.created_at) from ${messages} o
            where o.conversation_id = ${conversationId} and o.direction = 'OUTBOUND'), '-infinity'))`,
      updatedAt: sql`now()`,
    })
    .where(sql`${conversations.id} = ${conversationId}`)
    .returning();
  if (!row) throw new Error(`conversation ${conversationId} vanished inside its transaction`);
  return row;
}

/**
 * The `merge` change-log entries of one merge: on the target one per source (`from` the source),
 * on each source one naming the target (`to`). They are stamped just after the transaction's
 * time, so they follow everything the merge moved and the sources' closing on the timeline.
 */
export async function insertMergeLogEntries(
  tx: Orm,
  targetId: string,
  sourceIds: readonly string[],
  actor: Actor,
): Promise<void> {
  const actorFields = { actorKind: actor.kind, actorUserId: 'userId' in actor ? actor.userId : null };
  const createdAt = sql`now() + interval '1 microsecond'`;
  await tx.insert(conversationLog).values(
    sourceIds.flatMap((sourceId) => [
      {
        id: crypto.randomUUID(),
        conversationId: targetId,
        kind: 'merge' as const,
        from: sourceId,
        to: null,
        createdAt,
        ...actorFields,
      },
      {
        id: crypto.randomUUID(),
        conversationId: sourceId,
        kind: 'merge' as const,
        from: null,
        to: targetId,
        createdAt,
        ...actorFields,
      },
    ]),
  );
}

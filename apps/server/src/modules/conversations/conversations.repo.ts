import type { ConversationLogKind } from '@parley/contracts';
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { type ConversationLogValue, conversationLog } from './conversation-log.schema.ts';
import { findThreadOwners, type ThreadKey, threadKeyText } from './conversation-threads.repo.ts';
import type { Actor } from './conversations.policy.ts';
import { conversations, conversationTags } from './conversations.schema.ts';

export type ConversationRow = typeof conversations.$inferSelect;
export type NewConversation = Omit<typeof conversations.$inferInsert, 'id' | 'number'>;
export type ConversationPatch = Partial<
  Pick<
    ConversationRow,
    | 'topic'
    | 'status'
    | 'priority'
    | 'queueId'
    | 'assigneeUserId'
    | 'customerId'
    | 'summary'
    | 'lastCustomerMessageAt'
    | 'pendingSince'
    | 'closedAt'
  >
>;

export type { ThreadKey } from './conversation-threads.repo.ts';

export async function findConversationById(orm: Orm, id: string): Promise<ConversationRow | undefined> {
  const [row] = await orm.select().from(conversations).where(eq(conversations.id, id));
  return row;
}

/** Locks the conversation until the transaction ends, so changes to one conversation serialise. */
export async function findConversationForUpdate(tx: Orm, id: string): Promise<ConversationRow | undefined> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
  return row;
}

/**
 * Serialises everything that may create a conversation on one thread key (inbound threading and
 * the agent's "+"), until the transaction ends. The partial unique index is the backstop.
 */
export async function lockThreadKey(tx: Orm, key: ThreadKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${threadKeyText(key)}, 0))`);
}

/**
 * lockThreadKey for many keys in one statement (the same locks). Locks are taken in hash order, so
 * two transactions locking overlapping sets wait for each other instead of deadlocking.
 */
export async function lockThreadKeys(tx: Orm, keys: readonly ThreadKey[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(h) from (
      select distinct hashtextextended(k, 0) as h
      from jsonb_array_elements_text(${JSON.stringify(keys.map(threadKeyText))}::jsonb) k
      order by h
    ) locks`);
}

/**
 * The non-CLOSED conversation owning each key — by its own thread key or by one it took over in a
 * merge or used to "change channel" (D2 omnichannel) — locked, in id order; keys without one are
 * absent. The caller holds the keys' thread-key locks, so ownership cannot move meanwhile.
 */
export async function findOpenThreadConversations(
  tx: Orm,
  keys: readonly ThreadKey[],
): Promise<Array<{ key: ThreadKey; conversation: ConversationRow }>> {
  const owners = await findThreadOwners(tx, keys);
  if (owners.length === 0) return [];
  const rows = await tx
    .select()
    .from(conversations)
    .where(
      and(
        inArray(conversations.id, [...new Set(owners.map((o) => o.conversationId))]),
        ne(conversations.status, 'CLOSED'),
      ),
    )
    .orderBy(asc(conversations.id))
    .for('update');
  const byId = new Map(rows.map((row) => [row.id, row]));
  return owners.flatMap(({ conversationId, ...key }) => {
    const conversation = byId.get(conversationId);
    return conversation ? [{ key, conversation }] : [];
  });
}

/** The one non-CLOSED conversation owning a thread key (see findOpenThreadConversations), locked. */
export async function findOpenThreadConversation(
  tx: Orm,
  key: ThreadKey,
): Promise<ConversationRow | undefined> {
  return (await findOpenThreadConversations(tx, [key]))[0]?.conversation;
}

export async function insertConversation(tx: Orm, values: NewConversation): Promise<ConversationRow> {
  const [row] = await tx
    .insert(conversations)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into conversations returned no row');
  return row;
}

/** Inserts conversations whose ids the caller chose, in one statement. */
export async function insertConversations(
  tx: Orm,
  values: ReadonlyArray<NewConversation & { id: string }>,
): Promise<ConversationRow[]> {
  if (values.length === 0) return [];
  return tx
    .insert(conversations)
    .values([...values])
    .returning();
}

/** Sets the status of several conversations at once (D2 reopening of a batch); the caller logs it. */
export async function setConversationsStatus(
  tx: Orm,
  ids: readonly string[],
  status: ConversationRow['status'],
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(conversations)
    .set({ status, updatedAt: sql`now()` })
    .where(inArray(conversations.id, [...ids]));
}

/**
 * A customer message just arrived in each of these conversations (stored in this transaction, so
 * at now()): it is their last customer message, and they are pending from now unless already.
 */
/** Where a conversation's new customer messages sit in one batch, in arrival order. */
export interface CustomerMessageMark {
  id: string;
  /** Arrival index of its first and last message in the batch (see `arrivalTime`). */
  first: number;
  last: number;
}

/**
 * The stored time of the batch's message number `index`: the transaction's time plus `index`
 * microseconds, so messages committed together keep their arrival order on the timeline (its
 * order is created_at, then a random id).
 */
export function arrivalTime(index: number | SQL): SQL {
  return sql`now() + ${index} * interval '1 microsecond'`;
}

export async function markCustomerMessaged(tx: Orm, marks: readonly CustomerMessageMark[]): Promise<void> {
  if (marks.length === 0) return;
  const rows = sql.join(
    marks.map((m) => sql`(${m.id}::uuid, ${m.first}::int, ${m.last}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE conversations AS c SET
      last_customer_message_at = ${arrivalTime(sql`v.last`)},
      pending_since = coalesce(c.pending_since, ${arrivalTime(sql`v.first`)}),
      updated_at = now()
    FROM (VALUES ${rows}) AS v(id, first, last)
    WHERE c.id = v.id`);
}

export async function updateConversationRow(
  tx: Orm,
  id: string,
  patch: ConversationPatch,
): Promise<ConversationRow> {
  const [row] = await tx
    .update(conversations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(conversations.id, id))
    .returning();
  if (!row) throw new Error(`conversation ${id} vanished inside its transaction`);
  return row;
}

/** Writes one D2 change-log entry. */
export async function insertLogEntry(
  tx: Orm,
  conversationId: string,
  kind: ConversationLogKind,
  from: ConversationLogValue,
  to: ConversationLogValue,
  actor: Actor,
): Promise<void> {
  await tx.insert(conversationLog).values({
    id: crypto.randomUUID(),
    conversationId,
    kind,
    from,
    to,
    actorKind: actor.kind,
    actorUserId: 'userId' in actor ? actor.userId : null,
  });
}

/** A change-log entry of insertLogEntries. */
export interface NewLogEntry {
  conversationId: string;
  kind: ConversationLogKind;
  from: ConversationLogValue;
  to: ConversationLogValue;
  actor: Actor;
}

/** insertLogEntry for many entries in one statement. */
export async function insertLogEntries(tx: Orm, entries: readonly NewLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(conversationLog).values(
    entries.map((e) => ({
      id: crypto.randomUUID(),
      conversationId: e.conversationId,
      kind: e.kind,
      from: e.from,
      to: e.to,
      actorKind: e.actor.kind,
      actorUserId: 'userId' in e.actor ? e.actor.userId : null,
    })),
  );
}

/** Adds the tag; false when it was already there. */
export async function insertConversationTag(
  tx: Orm,
  conversationId: string,
  tagId: string,
): Promise<boolean> {
  const rows = await tx
    .insert(conversationTags)
    .values({ conversationId, tagId })
    .onConflictDoNothing()
    .returning({ tagId: conversationTags.tagId });
  return rows.length > 0;
}

/** Removes the tag; false when it was not there. */
export async function deleteConversationTag(
  tx: Orm,
  conversationId: string,
  tagId: string,
): Promise<boolean> {
  const rows = await tx
    .delete(conversationTags)
    .where(and(eq(conversationTags.conversationId, conversationId), eq(conversationTags.tagId, tagId)))
    .returning({ tagId: conversationTags.tagId });
  return rows.length > 0;
}

/** Non-CLOSED conversations of a queue, locked: a deleted queue's conversations move to Default. */
export function lockOpenConversationsOfQueue(tx: Orm, queueId: string): Promise<ConversationRow[]> {
  return tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.queueId, queueId), ne(conversations.status, 'CLOSED')))
    .orderBy(desc(conversations.createdAt), asc(conversations.id))
    .for('update');
}

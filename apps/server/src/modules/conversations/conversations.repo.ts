import type { Channel, ConversationLogKind } from '@parley/contracts';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { type ConversationLogValue, conversationLog } from './conversation-log.schema.ts';
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
    | 'summary'
    | 'lastCustomerMessageAt'
    | 'pendingSince'
    | 'closedAt'
  >
>;

/** The thread key of D2: channel, our address and the customer's address. */
export interface ThreadKey {
  channel: Channel;
  ourAddress: string;
  customerAddress: string;
}

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
  // JSON keeps the three parts apart whatever characters the addresses hold.
  const text = JSON.stringify([key.channel, key.ourAddress, key.customerAddress]);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${text}, 0))`);
}

/** The one non-CLOSED conversation of a thread key (the partial unique index allows no second), locked. */
export async function findOpenThreadConversation(
  tx: Orm,
  key: ThreadKey,
): Promise<ConversationRow | undefined> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.channel, key.channel),
        eq(conversations.ourAddress, key.ourAddress),
        eq(conversations.customerAddress, key.customerAddress),
        ne(conversations.status, 'CLOSED'),
      ),
    )
    .for('update');
  return row;
}

export async function insertConversation(tx: Orm, values: NewConversation): Promise<ConversationRow> {
  const [row] = await tx
    .insert(conversations)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into conversations returned no row');
  return row;
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

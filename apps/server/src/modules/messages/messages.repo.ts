import type { Channel, DeliveryState } from '@parley/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Orm } from '../../platform/db/client.ts';
import { messages } from './messages.schema.ts';
import { notes } from './notes.schema.ts';

export type MessageRow = typeof messages.$inferSelect;
export type NoteRow = typeof notes.$inferSelect;

export async function findMessageByProviderId(
  orm: Orm,
  channel: Channel,
  providerMessageId: string,
): Promise<MessageRow | undefined> {
  const [row] = await orm
    .select()
    .from(messages)
    .where(and(eq(messages.channel, channel), eq(messages.providerMessageId, providerMessageId)));
  return row;
}

/** Which of these provider message ids are already stored on their channel, in one statement. */
export async function findStoredProviderIds(
  orm: Orm,
  ids: readonly { channel: Channel; providerMessageId: string }[],
): Promise<Array<{ channel: Channel; providerMessageId: string }>> {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids.map((m) => [m.channel, m.providerMessageId]));
  return orm
    .select({ channel: messages.channel, providerMessageId: sql<string>`${messages.providerMessageId}` })
    .from(messages)
    .where(
      sql`(${messages.channel}, ${messages.providerMessageId}) in (
        select p->>0, p->>1 from jsonb_array_elements(${json}::jsonb) p)`,
    );
}

export async function findMessageByClientId(
  orm: Orm,
  conversationId: string,
  clientId: string,
): Promise<MessageRow | undefined> {
  const [row] = await orm
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.clientId, clientId)));
  return row;
}

export async function insertMessage(
  tx: Orm,
  values: Omit<typeof messages.$inferInsert, 'id'>,
): Promise<MessageRow> {
  const [row] = await tx
    .insert(messages)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into messages returned no row');
  return row;
}

/** Inserts messages whose ids the caller chose, in one statement. */
export async function insertMessages(
  tx: Orm,
  values: ReadonlyArray<PgInsertValue<typeof messages> & { id: string }>,
): Promise<void> {
  if (values.length === 0) return;
  await tx.insert(messages).values([...values]);
}

export async function insertNote(
  tx: Orm,
  values: Pick<NoteRow, 'conversationId' | 'authorUserId' | 'text'>,
): Promise<NoteRow> {
  const [row] = await tx
    .insert(notes)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into notes returned no row');
  return row;
}

export async function findMessageById(orm: Orm, id: string): Promise<MessageRow | undefined> {
  const [row] = await orm.select().from(messages).where(eq(messages.id, id));
  return row;
}

/**
 * Which outbound message a delivery change is about: ours by id, or the provider's id as reported
 * through a connection — only a message that connection sends (its channel and sender) matches, so
 * one connection's reports can never move another connection's messages.
 */
export type DeliveryMatch = { id: string } | { connectionId: string; providerMessageId: string };

/** The outbound message a delivery change moved, with what realtime needs to route the update. */
export interface AdvancedDelivery {
  messageId: string;
  conversationId: string;
  channel: Channel;
  deliveryState: DeliveryState;
  queueId: string | null;
  assigneeUserId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Reports arrive out of order (a SEEN may overtake its DELIVERED), so a state only ever moves up
// this ladder. FAILED sits below DELIVERED: a provider that later reports delivery is believed.
const deliveryRank = (state: unknown) => sql`(case ${state}
  when 'PENDING' then 0 when 'SENT' then 1 when 'FAILED' then 2 when 'DELIVERED' then 3 when 'SEEN' then 4
  else -1 end)`;

/**
 * Moves an OUTBOUND message to `state` unless it is already there or further; optionally stores the
 * provider's message id. A provider id that is our own uuid (Infobip keeps the messageId we send)
 * also matches by id, so a report that overtakes the send job's answer still finds its message.
 * Returns undefined when nothing moved.
 */
export async function advanceDeliveryState(
  tx: Orm,
  match: DeliveryMatch,
  state: DeliveryState,
  providerMessageId?: string,
): Promise<AdvancedDelivery | undefined> {
  const where =
    'id' in match
      ? sql`m.id = ${match.id}`
      : sql`${
          UUID.test(match.providerMessageId)
            ? sql`(m.provider_message_id = ${match.providerMessageId} or m.id = ${match.providerMessageId}::uuid)`
            : sql`m.provider_message_id = ${match.providerMessageId}`
        } and exists (select 1 from channel_connections cc
          where cc.id = ${match.connectionId} and cc.channel = m.channel and cc.sender = m.from_address)`;
  const setProviderId =
    providerMessageId === undefined ? sql`` : sql`, provider_message_id = ${providerMessageId}`;
  const result = await tx.execute<{
    id: string;
    conversation_id: string;
    channel: Channel;
    delivery_state: DeliveryState;
    queue_id: string | null;
    assignee_user_id: string | null;
  }>(sql`
    update messages m
    set delivery_state = ${state}, updated_at = now()${setProviderId}
    from conversations c
    where c.id = m.conversation_id and m.direction = 'OUTBOUND' and ${where}
      and ${deliveryRank(sql`m.delivery_state`)} < ${deliveryRank(state)}
    returning m.id, m.conversation_id, m.channel, m.delivery_state, c.queue_id, c.assignee_user_id`);
  const [row] = result.rows;
  if (!row) return undefined;
  return {
    messageId: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    deliveryState: row.delivery_state,
    queueId: row.queue_id,
    assigneeUserId: row.assignee_user_id,
  };
}

/** Stores the provider's id of a sent message without touching its state (a report may have moved it on). */
export async function setProviderMessageId(tx: Orm, id: string, providerMessageId: string): Promise<void> {
  await tx.update(messages).set({ providerMessageId, updatedAt: sql`now()` }).where(eq(messages.id, id));
}

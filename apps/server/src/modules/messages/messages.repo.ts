import type { Channel } from '@parley/contracts';
import { and, eq } from 'drizzle-orm';
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

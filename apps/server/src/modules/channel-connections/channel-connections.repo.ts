import type { Channel } from '@parley/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { channelConnections } from './channel-connections.schema.ts';

export type ChannelConnectionRow = typeof channelConnections.$inferSelect;
export type NewChannelConnection = Omit<typeof channelConnections.$inferInsert, 'id' | 'createdAt'>;

export async function listConnections(orm: Orm): Promise<ChannelConnectionRow[]> {
  return orm.select().from(channelConnections).orderBy(asc(channelConnections.createdAt));
}

/** Enabled connections, oldest first. */
export async function listEnabledConnections(orm: Orm): Promise<ChannelConnectionRow[]> {
  return orm
    .select()
    .from(channelConnections)
    .where(eq(channelConnections.enabled, true))
    .orderBy(asc(channelConnections.createdAt));
}

export async function findConnectionById(orm: Orm, id: string): Promise<ChannelConnectionRow | undefined> {
  const [row] = await orm.select().from(channelConnections).where(eq(channelConnections.id, id));
  return row;
}

/** A connection locked for the rest of the transaction (an update reads its stored settings first). */
export async function findConnectionForUpdate(
  tx: Orm,
  id: string,
): Promise<ChannelConnectionRow | undefined> {
  const [row] = await tx.select().from(channelConnections).where(eq(channelConnections.id, id)).for('update');
  return row;
}

/** The enabled connection that sends for our `sender` on `channel`, if any. */
export async function findEnabledConnectionBySender(
  orm: Orm,
  channel: Channel,
  sender: string,
): Promise<ChannelConnectionRow | undefined> {
  const [row] = await orm
    .select()
    .from(channelConnections)
    .where(
      and(
        eq(channelConnections.channel, channel as ChannelConnectionRow['channel']),
        eq(channelConnections.sender, sender),
        eq(channelConnections.enabled, true),
      ),
    );
  return row;
}

export async function insertConnection(tx: Orm, values: NewChannelConnection): Promise<ChannelConnectionRow> {
  const [row] = await tx
    .insert(channelConnections)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into channel_connections returned no row');
  return row;
}

export async function updateConnectionRow(
  tx: Orm,
  id: string,
  values: Partial<NewChannelConnection>,
): Promise<ChannelConnectionRow | undefined> {
  const [row] = await tx
    .update(channelConnections)
    .set(values)
    .where(eq(channelConnections.id, id))
    .returning();
  return row;
}

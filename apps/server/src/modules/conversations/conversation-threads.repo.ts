import type { Channel } from '@parley/contracts';
import { inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conversationThreadKeys } from './conversation-threads.schema.ts';
import { conversations } from './conversations.schema.ts';

/** The thread key of D2: channel, our address and the customer's address. */
export interface ThreadKey {
  channel: Channel;
  ourAddress: string;
  customerAddress: string;
}

/** A thread key and the conversation owning it. */
export type OwnedThreadKey = ThreadKey & { conversationId: string };

/** Compares thread keys by value; JSON keeps the parts apart whatever characters they hold. */
export const threadKeyText = (k: ThreadKey): string =>
  JSON.stringify([k.channel, k.ourAddress, k.customerAddress]);

/**
 * The non-CLOSED conversation owning each key, by its own thread key or an extra one (merged in,
 * or used by "change channel"); keys without one are absent. Not locked: the caller holds the
 * thread-key locks, which is what keeps ownership from moving.
 */
export async function findThreadOwners(orm: Orm, keys: readonly ThreadKey[]): Promise<OwnedThreadKey[]> {
  if (keys.length === 0) return [];
  const json = JSON.stringify(keys.map((k) => [k.channel, k.ourAddress, k.customerAddress]));
  // One owner per key among open conversations; should two ever claim it, the latest wins (D2).
  // Each key is looked up through the open-thread index and the extra keys' index, never a scan.
  const result = await orm.execute<{
    channel: Channel;
    our_address: string;
    customer_address: string;
    conversation_id: string;
  }>(sql`
    select k.channel, k.our_address, k.customer_address, o.id as conversation_id
    from (select distinct v->>0 as channel, v->>1 as our_address, v->>2 as customer_address
          from jsonb_array_elements(${json}::jsonb) v) k
    cross join lateral (
      select c.id, c.created_at from ${conversations} c
        where c.channel = k.channel and c.our_address = k.our_address
          and c.customer_address = k.customer_address and c.status <> 'CLOSED'
      union all
      select c.id, c.created_at from ${conversationThreadKeys} t
        join ${conversations} c on c.id = t.conversation_id
        where t.channel = k.channel and t.our_address = k.our_address
          and t.customer_address = k.customer_address and c.status <> 'CLOSED'
      order by created_at desc, id desc
      limit 1) o`);
  return result.rows.map((r) => ({
    channel: r.channel,
    ourAddress: r.our_address,
    customerAddress: r.customer_address,
    conversationId: r.conversation_id,
  }));
}

/** Every thread key of these conversations: each one's own (when it has a channel) and its extra ones. */
export async function listThreadKeys(
  orm: Orm,
  conversationIds: readonly string[],
): Promise<OwnedThreadKey[]> {
  if (conversationIds.length === 0) return [];
  const ids = [...conversationIds];
  const [own, extra] = await Promise.all([
    orm
      .select({
        conversationId: conversations.id,
        channel: conversations.channel,
        ourAddress: conversations.ourAddress,
        customerAddress: conversations.customerAddress,
      })
      .from(conversations)
      .where(inArray(conversations.id, ids)),
    orm
      .select({
        conversationId: conversationThreadKeys.conversationId,
        channel: conversationThreadKeys.channel,
        ourAddress: conversationThreadKeys.ourAddress,
        customerAddress: conversationThreadKeys.customerAddress,
      })
      .from(conversationThreadKeys)
      .where(inArray(conversationThreadKeys.conversationId, ids))
      .orderBy(conversationThreadKeys.createdAt),
  ]);
  const owned = own.flatMap((r) =>
    r.channel && r.ourAddress && r.customerAddress
      ? [{ ...r, channel: r.channel, ourAddress: r.ourAddress, customerAddress: r.customerAddress }]
      : [],
  );
  return [...owned, ...extra];
}

/** Gives the conversation these extra thread keys (ones it has already are skipped). */
export async function addThreadKeys(
  tx: Orm,
  conversationId: string,
  keys: readonly ThreadKey[],
): Promise<void> {
  if (keys.length === 0) return;
  await tx
    .insert(conversationThreadKeys)
    .values(
      keys.map((k) => ({
        conversationId,
        channel: k.channel,
        ourAddress: k.ourAddress,
        customerAddress: k.customerAddress,
      })),
    )
    .onConflictDoNothing();
}

/** Appends the channels the conversation does not list yet, in the order given (D2 omnichannel). */
export async function addConversationChannels(
  tx: Orm,
  conversationId: string,
  channels: readonly Channel[],
): Promise<void> {
  const distinct = [...new Set(channels)];
  if (distinct.length === 0) return;
  const list = `{${distinct.join(',')}}`;
  await tx.execute(sql`
    update ${conversations} set
      channels = channels || array(
        select c from unnest(${list}::text[]) with ordinality as n(c, i)
        where not c = any(channels) order by i),
      updated_at = now()
    where id = ${conversationId} and not channels @> ${list}::text[]`);
}

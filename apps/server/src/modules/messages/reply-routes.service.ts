import { CHANNELS, type Channel, type ReplyRoute, type ReplyRouteOption } from '@parley/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { TxScope } from '../../platform/events/types.ts';
import { canSendOn } from '../channel-connections/channel-connections.lookup.ts';
import { listEnabledConnections } from '../channel-connections/channel-connections.repo.ts';
import { lastCustomerMessageOn } from '../channel-rules/reply-window.repo.ts';
import {
  addConversationChannels,
  addThreadKeys,
  findThreadOwners,
  listThreadKeys,
  type ThreadKey,
  threadKeyText,
} from '../conversations/conversation-threads.repo.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import { listDestinations } from '../customers/customers.repo.ts';
import { messages } from './messages.schema.ts';

// D2 "change channel": an agent replies on any channel of the customer from inside the
// conversation. A reply's route is the channel, our sender and the customer's address it goes on.

/**
 * Refuses with `channel_unavailable` when no enabled channel connection sends on `channel` as
 * `ourAddress`: nothing would ever hand the message to a provider, so it would stay PENDING for
 * ever. A connection disabled after a message was stored fails that message in the send job instead.
 */
export async function ensureCanSend(orm: Orm, channel: Channel, ourAddress: string): Promise<void> {
  if (await canSendOn(orm, channel, ourAddress)) return;
  throw new AppError(
    'channel_unavailable',
    409,
    `Parley cannot send on ${channel} as ${ourAddress}: an admin must connect and enable that channel and sender first`,
  );
}

const sameRoute = (a: ThreadKey, b: ThreadKey) => threadKeyText(a) === threadKeyText(b);

/**
 * The route a reply takes when the agent chooses none: that of the customer's last message in the
 * conversation (answered where they last wrote), else the conversation's own thread key; null for
 * a conversation without any channel.
 */
export async function defaultReplyRoute(orm: Orm, conv: ConversationRow): Promise<ThreadKey | null> {
  const [last] = await orm
    .select({
      channel: messages.channel,
      ourAddress: messages.toAddress,
      customerAddress: messages.fromAddress,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, conv.id), eq(messages.direction, 'INBOUND')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  if (last) return last;
  if (!conv.channel || !conv.ourAddress || !conv.customerAddress) return null;
  return { channel: conv.channel, ourAddress: conv.ourAddress, customerAddress: conv.customerAddress };
}

/** Which of these conversations the viewer may see (D4): only those are named to them. */
async function visibleAmong(orm: Orm, ids: readonly string[], viewer: Viewer): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await orm
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(inArray(conversations.id, [...ids]), visibleTo(viewer)));
  return new Set(rows.map((r) => r.id));
}

/** The viewer an actor reads as; automation (the API) sees every conversation, like a supervisor. */
const viewerOf = (actor: Actor): Viewer =>
  'userId' in actor
    ? { userId: actor.userId, roles: actor.kind === 'supervisor' ? ['supervisor'] : ['agent'] }
    : { userId: '', roles: ['supervisor'] };

/** The customer's addresses per channel: their profile's destinations and those the conversation uses. */
async function customerAddresses(
  orm: Orm,
  conv: ConversationRow,
  keys: readonly ThreadKey[],
): Promise<Map<Channel, string[]>> {
  const byChannel = new Map<Channel, string[]>();
  const add = (channel: Channel, address: string) => {
    const list = byChannel.get(channel) ?? [];
    if (!list.includes(address)) list.push(address);
    byChannel.set(channel, list);
  };
  for (const k of keys) add(k.channel, k.customerAddress);
  const destinations = conv.customerId ? await listDestinations(orm, [conv.customerId]) : [];
  for (const d of destinations) add(d.channel, d.address);
  return byChannel;
}

/**
 * Every route a reply in the conversation may take: each enabled connection with each of the
 * customer's addresses on its channel. The default route comes first, then the conversation's own
 * threads, then the rest in channel order; a route another open conversation of the customer holds
 * names it (`heldBy`: merge it first) — by id and number only when the viewer may see it (D4).
 */
export async function listReplyRoutes(
  orm: Orm,
  conv: ConversationRow,
  viewer: Viewer,
): Promise<ReplyRouteOption[]> {
  const [keys, connections, fallback] = await Promise.all([
    listThreadKeys(orm, [conv.id]),
    listEnabledConnections(orm),
    defaultReplyRoute(orm, conv),
  ]);
  const addresses = await customerAddresses(orm, conv, keys);
  const routes = connections.flatMap((c) =>
    (addresses.get(c.channel) ?? []).map((customerAddress) => ({
      route: { channel: c.channel, ourAddress: c.sender, customerAddress } as ThreadKey,
      connectionName: c.name,
    })),
  );
  const foreign = routes.filter((r) => !keys.some((k) => sameRoute(k, r.route))).map((r) => r.route);
  const owners = (await findThreadOwners(orm, foreign)).filter((o) => o.conversationId !== conv.id);
  const numbers = owners.length
    ? await orm
        .select({ id: conversations.id, number: conversations.number })
        .from(conversations)
        .where(inArray(conversations.id, [...new Set(owners.map((o) => o.conversationId))]))
    : [];
  const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
  const visible = await visibleAmong(orm, [...numberOf.keys()], viewer);
  // The 24-hour window start of each of the customer's addresses offered (a handful per conversation).
  const lastWrote = new Map<string, Date | null>();
  const addressKey = (r: ThreadKey) => `${r.channel}\u0000${r.customerAddress}`;
  for (const { route } of routes) {
    if (!lastWrote.has(addressKey(route))) {
      lastWrote.set(addressKey(route), await lastCustomerMessageOn(orm, conv.id, route));
    }
  }
  const options = routes.map(({ route, connectionName }): ReplyRouteOption => {
    const owner = owners.find((o) => sameRoute(o, route));
    const number = owner && numberOf.get(owner.conversationId);
    const wrote = lastWrote.get(addressKey(route));
    return {
      ...route,
      connectionName,
      isDefault: fallback !== null && sameRoute(fallback, route),
      heldBy:
        owner && number !== undefined
          ? visible.has(owner.conversationId)
            ? { id: owner.conversationId, number }
            : { id: null, number: null }
          : null,
      lastCustomerMessageAt: wrote ? wrote.toISOString() : null,
    };
  });
  const rank = (o: ReplyRouteOption) =>
    o.isDefault ? -2 : keys.some((k) => sameRoute(k, o)) ? -1 : CHANNELS.indexOf(o.channel);
  return options.sort((a, b) => rank(a) - rank(b));
}

/**
 * Decides the route of a reply in the locked conversation, inside the send's transaction. Without a
 * request it is the default route (defaultReplyRoute). A requested route must reach the customer
 * (one of their addresses on that channel, or one the conversation already uses) through an enabled
 * connection; a route new to the conversation becomes one of its threads (the customer's answer
 * there joins it) and its channel is added (omnichannel, `conversation.updated`). The caller took
 * the requested route's thread-key lock before the row lock, so no other conversation can claim it
 * meanwhile; one another open conversation holds already is refused with `conflict` naming it.
 */
export async function takeReplyRoute(
  scope: TxScope,
  conv: ConversationRow,
  requested: ReplyRoute | undefined,
  actor: Actor,
): Promise<ThreadKey> {
  const { tx } = scope;
  if (!requested) {
    const route = await defaultReplyRoute(tx, conv);
    if (!route) throw new AppError('validation_failed', 422, 'The conversation has no channel to reply on');
    await ensureCanSend(tx, route.channel, route.ourAddress);
    return route;
  }
  const keys = await listThreadKeys(tx, [conv.id]);
  if (keys.some((k) => sameRoute(k, requested))) {
    await ensureCanSend(tx, requested.channel, requested.ourAddress);
    return requested;
  }
  const addresses = await customerAddresses(tx, conv, keys);
  if (!addresses.get(requested.channel)?.includes(requested.customerAddress)) {
    throw new AppError(
      'validation_failed',
      422,
      `${requested.customerAddress} is not an address of this customer on ${requested.channel}`,
    );
  }
  await ensureCanSend(tx, requested.channel, requested.ourAddress);
  const [holder] = await findThreadOwners(tx, [requested]);
  if (holder && holder.conversationId !== conv.id) {
    if (!(await visibleAmong(tx, [holder.conversationId], viewerOf(actor))).has(holder.conversationId)) {
      throw conflict(
        'Another open conversation of the customer already uses this channel, one you cannot see: ask a supervisor to merge it into this one',
      );
    }
    const [other] = await tx
      .select({ number: conversations.number })
      .from(conversations)
      .where(eq(conversations.id, holder.conversationId));
    throw conflict(
      `The customer's conversation #${other?.number} already uses this channel: merge it into this one to reply here`,
      { conversationId: holder.conversationId, number: other?.number },
    );
  }
  await addThreadKeys(tx, conv.id, [requested]);
  if (!conv.channels.includes(requested.channel)) {
    const channels = [...conv.channels, requested.channel];
    await addConversationChannels(tx, conv.id, [requested.channel]);
    emitConversation(scope, 'conversation.updated', conv, actor, { changes: { channels } });
  }
  return {
    channel: requested.channel,
    ourAddress: requested.ourAddress,
    customerAddress: requested.customerAddress,
  };
}

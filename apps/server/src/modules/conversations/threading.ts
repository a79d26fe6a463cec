import {
  type Channel,
  type ConversationStatus,
  type InboundMessage,
  LIMITS,
  type Priority,
} from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import {
  type CustomerRow,
  findCustomerByDestination,
  findCustomerById,
  findCustomersByDestinations,
} from '../customers/customers.repo.ts';
import { findQueueById } from '../queues/queues.repo.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { type Actor, canChangeStatus, checkLength, enforce } from './conversations.policy.ts';
import {
  type ConversationRow,
  findOpenThreadConversation,
  findOpenThreadConversations,
  insertConversation,
  insertConversations,
  insertLogEntries,
  lockThreadKey,
  type NewConversation,
  setConversationsStatus,
  type ThreadKey,
  updateConversationRow,
} from './conversations.repo.ts';
import { applyStatus, emitConversation } from './conversations.service.ts';
import { findRepliedConversations } from './reply-threading.ts';

// How conversations start (D2): from an inbound message on its customer thread, or by the agent's "+".

const SYSTEM: Actor = { kind: 'system' };

/** The D2 thread key of an inbound message: its channel, our address it was sent to, the customer's address. */
export function threadKeyOf(msg: Pick<InboundMessage, 'channel' | 'to' | 'from'>): ThreadKey {
  return { channel: msg.channel, ourAddress: msg.to, customerAddress: msg.from };
}

/**
 * D2 threading; the caller holds the thread-key lock. The message joins the thread's non-CLOSED
 * conversation (SOLVED or WAITING go back to OPEN, logged as `system`); when there is none (never
 * one, or the latest is CLOSED) a new OPEN conversation starts in the Default queue at NORMAL
 * priority. The topic is the message's subject (e-mail), else names the profile, else the name the
 * channel gave, else the address. A message answering a stored one may join that one's conversation
 * first (findRepliedConversations). Joining a conversation without a customer while the sender is
 * now a known customer (the profile was created after the conversation started) links it to that
 * customer (D6).
 */
export async function threadInbound(
  scope: TxScope,
  msg: InboundMessage,
  customer: CustomerRow | undefined,
): Promise<{ conversation: ConversationRow; created: boolean }> {
  const key = threadKeyOf(msg);
  const replied = (await findRepliedConversations(scope.tx, [msg])).get(msg);
  const open = replied ?? (await findOpenThreadConversation(scope.tx, key));
  if (open) {
    const joined = customer ? await linkCustomer(scope, open, customer.id) : open;
    const conversation = joined.status === 'OPEN' ? joined : await applyStatus(scope, joined, 'OPEN', SYSTEM);
    return { conversation, created: false };
  }
  const queue = await ensureDefaultQueue(scope.tx);
  const conversation = await openConversation(
    scope,
    {
      ...key,
      topic: subjectTopic(msg) ?? defaultTopic(customer?.name ?? msg.customerName, msg.from),
      customerId: customer?.id ?? null,
      channels: [msg.channel],
      queueId: queue.id,
      priority: 'NORMAL',
      status: 'OPEN',
    },
    SYSTEM,
  );
  return { conversation, created: true };
}

/** Sets the customer of a conversation that has none (D6), emitting `conversation.updated`; not logged (D2). */
async function linkCustomer(
  scope: TxScope,
  conv: ConversationRow,
  customerId: string,
): Promise<ConversationRow> {
  if (conv.customerId !== null) return conv;
  const updated = await updateConversationRow(scope.tx, conv.id, { customerId });
  emitLinked(scope, updated, customerId);
  return updated;
}

function emitLinked(scope: TxScope, conv: ConversationRow, customerId: string): void {
  emitConversation(scope, 'conversation.updated', conv, SYSTEM, { changes: { customerId } });
}

/** What D2 threading decided for one inbound message of a batch. */
export interface ThreadedInbound {
  conversation: ConversationRow;
  created: boolean;
  /** Set on the message that linked a conversation without a customer to the sender's profile (D6). */
  linkedCustomerId?: string;
  /** Set on the message that brought a SOLVED or WAITING conversation back to OPEN. */
  reopenedFrom?: ConversationStatus;
}

type KeyParts = Pick<ConversationRow, 'channel' | 'ourAddress' | 'customerAddress'>;
const keyText = (k: KeyParts) => JSON.stringify([k.channel, k.ourAddress, k.customerAddress]);

/**
 * threadInbound for a batch of messages in arrival order, with a few statements for the whole
 * batch; the caller holds the thread-key locks of all of them. Each message gets what threadInbound
 * would have given it had the messages come one after another, and the same rows are written (new
 * conversations, customer links, reopened ones and their `system` log entries). The events are left to emitThreaded
 * so the caller can emit them in message order among its own.
 */
export async function threadInboundBatch(
  tx: Orm,
  msgs: readonly InboundMessage[],
): Promise<ThreadedInbound[]> {
  const keys = new Map(msgs.map((m) => [keyText(threadKeyOf(m)), threadKeyOf(m)]));
  // Several keys may lead to one conversation (D2 omnichannel), so its state is kept per id.
  const owner = new Map<string, string>();
  const state = new Map<string, ConversationRow>();
  const current = {
    get: (key: string) => state.get(owner.get(key) ?? ''),
    has: (key: string) => owner.has(key),
    set: (key: string, conv: ConversationRow) => {
      owner.set(key, conv.id);
      state.set(conv.id, conv);
    },
  };
  for (const { key, conversation } of await findOpenThreadConversations(tx, [...keys.values()])) {
    current.set(keyText(key), conversation);
  }
  // A message answering one Parley stored joins that conversation before D2 is asked (reply-threading.ts).
  const replied = await findRepliedConversations(tx, msgs);
  for (const conv of replied.values()) current.set(`reply:${conv.id}`, conv);
  const threadOf = (m: InboundMessage) => {
    const conv = replied.get(m);
    return conv ? `reply:${conv.id}` : keyText(threadKeyOf(m));
  };
  // A thread without a conversation starts one with its first message of the batch.
  const starters = new Map<string, InboundMessage>();
  for (const m of msgs) {
    const key = threadOf(m);
    if (!current.has(key) && !starters.has(key)) starters.set(key, m);
  }
  // Senders are looked up for new threads and for conversations still without a customer (D6).
  const lookups = msgs.filter((m) => {
    const key = threadOf(m);
    return starters.get(key) === m || current.get(key)?.customerId === null;
  });
  const found = await findCustomersByDestinations(
    tx,
    lookups.map((m) => ({ channel: m.channel, address: m.from })),
  );
  const customers = new Map(found.map((f) => [`${f.channel}\u0000${f.address}`, f.customer]));
  const customerOf = (m: InboundMessage) => customers.get(`${m.channel}\u0000${m.from}`);
  const created = new Set<string>();
  if (starters.size > 0) {
    const queue = await ensureDefaultQueue(tx);
    const rows = await insertConversations(
      tx,
      [...starters.values()].map((m) => {
        const customer = customerOf(m);
        return {
          id: crypto.randomUUID(),
          ...threadKeyOf(m),
          topic: subjectTopic(m) ?? defaultTopic(customer?.name ?? m.customerName, m.from),
          customerId: customer?.id ?? null,
          channels: [m.channel],
          queueId: queue.id,
          priority: 'NORMAL' as const,
          status: 'OPEN' as const,
        };
      }),
    );
    for (const row of rows) {
      const key = keyText(row);
      current.set(key, row);
      created.add(key);
    }
  }
  const threaded = msgs.map((m): ThreadedInbound => {
    const key = threadOf(m);
    const conv = current.get(key);
    if (!conv) throw new Error('threadInboundBatch: a thread lost its conversation');
    if (created.delete(key)) return { conversation: conv, created: true };
    const t: ThreadedInbound = { conversation: conv, created: false };
    const customer = conv.customerId === null ? customerOf(m) : undefined;
    if (customer) {
      t.conversation = { ...t.conversation, customerId: customer.id };
      t.linkedCustomerId = customer.id;
    }
    if (conv.status !== 'OPEN') {
      enforce(canChangeStatus(conv, 'OPEN'));
      t.conversation = { ...t.conversation, status: 'OPEN' };
      t.reopenedFrom = conv.status;
    }
    current.set(key, t.conversation);
    return t;
  });
  // A conversation is linked once in its life, so one statement per link costs little.
  for (const t of threaded) {
    if (t.linkedCustomerId !== undefined) {
      await updateConversationRow(tx, t.conversation.id, { customerId: t.linkedCustomerId });
    }
  }
  const reopened = threaded.filter((t) => t.reopenedFrom !== undefined);
  await setConversationsStatus(
    tx,
    reopened.map((t) => t.conversation.id),
    'OPEN',
  );
  await insertLogEntries(
    tx,
    reopened.map((t) => ({
      conversationId: t.conversation.id,
      kind: 'status',
      from: t.reopenedFrom ?? null,
      to: 'OPEN',
      actor: SYSTEM,
    })),
  );
  return threaded;
}

/** The events threadInbound emits for a message: `conversation.created`, or the customer link and the reopening's status change. */
export function emitThreaded(scope: TxScope, t: ThreadedInbound): void {
  if (t.created) {
    emitCreated(scope, t.conversation, SYSTEM);
    return;
  }
  if (t.linkedCustomerId !== undefined) emitLinked(scope, t.conversation, t.linkedCustomerId);
  if (t.reopenedFrom !== undefined) {
    emitConversation(scope, 'conversation.status_changed', t.conversation, SYSTEM, {
      from: t.reopenedFrom,
      to: 'OPEN',
    });
  }
}

/** The topic of a conversation a message with a subject (an e-mail) starts: the subject, cut to the limit. */
function subjectTopic(msg: InboundMessage): string | undefined {
  const subject = msg.content.subject?.replace(/\s+/g, ' ').trim();
  return subject ? subject.slice(0, LIMITS.topic) : undefined;
}

/** D2 default topic: "Talking with <customer name or address>". */
function defaultTopic(customerName: string | null | undefined, address: string | null | undefined): string {
  const who = customerName?.trim() || address;
  return who ? `Talking with ${who}` : 'New conversation';
}

/** Inserts a new OPEN conversation and emits `conversation.created`; the caller holds the thread-key lock. */
async function openConversation(
  scope: TxScope,
  values: NewConversation,
  actor: Actor,
): Promise<ConversationRow> {
  const conv = await insertConversation(scope.tx, values);
  emitCreated(scope, conv, actor);
  return conv;
}

function emitCreated(scope: TxScope, conv: ConversationRow, actor: Actor): void {
  emitConversation(scope, 'conversation.created', conv, actor, {
    number: conv.number,
    status: conv.status,
    priority: conv.priority,
    customerId: conv.customerId,
    channel: conv.channel,
  });
}

export interface NewConversationInput {
  topic?: string;
  summary?: string;
  priority?: Priority;
  /** A known customer; without one the thread key's address is looked up (D6). */
  customerId?: string;
  /** The thread key: all three or none (a conversation without a channel cannot message yet). */
  channel?: Channel;
  ourAddress?: string;
  customerAddress?: string;
  /** The queue; the Default queue when absent. */
  queueId?: string;
}

/**
 * An agent starts a conversation with "+" (or an integrator creates one). A thread key that already
 * has a non-CLOSED conversation is refused with `conflict` naming it (D2: one per thread).
 */
export function createConversation(
  events: Events,
  actor: Actor,
  input: NewConversationInput,
): Promise<ConversationRow> {
  if (input.topic !== undefined) enforce(checkLength('topic', input.topic));
  if (input.summary !== undefined) enforce(checkLength('summary', input.summary));
  const { channel, ourAddress, customerAddress } = input;
  const keyParts = [channel, ourAddress, customerAddress].filter((v) => v !== undefined).length;
  if (keyParts !== 0 && keyParts !== 3) {
    throw new AppError('validation_failed', 422, 'channel, ourAddress and customerAddress go together');
  }
  return events.transact(async (scope) => {
    const { tx } = scope;
    const customer = input.customerId
      ? await findCustomerById(tx, input.customerId)
      : channel && customerAddress
        ? await findCustomerByDestination(tx, channel, customerAddress)
        : undefined;
    if (input.customerId && !customer) throw notFound('Customer');
    const queue = input.queueId ? await findQueueById(tx, input.queueId) : await ensureDefaultQueue(tx);
    if (!queue) throw notFound('Queue');
    if (channel && ourAddress && customerAddress) {
      const key = { channel, ourAddress, customerAddress };
      await lockThreadKey(tx, key);
      const open = await findOpenThreadConversation(tx, key);
      if (open) {
        throw conflict('This customer thread already has a conversation', { conversationId: open.id });
      }
    }
    return openConversation(
      scope,
      {
        topic: input.topic ?? defaultTopic(customer?.name, customerAddress),
        summary: input.summary ?? null,
        priority: input.priority ?? 'NORMAL',
        customerId: customer?.id ?? null,
        channel: channel ?? null,
        ourAddress: ourAddress ?? null,
        customerAddress: customerAddress ?? null,
        channels: channel ? [channel] : [],
        queueId: queue.id,
      },
      actor,
    );
  });
}

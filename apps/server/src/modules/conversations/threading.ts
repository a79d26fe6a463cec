import type { Channel, InboundMessage, Priority } from '@parley/contracts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import {
  type CustomerRow,
  findCustomerByDestination,
  findCustomerById,
} from '../customers/customers.repo.ts';
import { findQueueById } from '../queues/queues.repo.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { type Actor, checkLength, enforce } from './conversations.policy.ts';
import {
  type ConversationRow,
  findOpenThreadConversation,
  insertConversation,
  lockThreadKey,
  type NewConversation,
  type ThreadKey,
} from './conversations.repo.ts';
import { applyStatus, emitConversation } from './conversations.service.ts';

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
 * priority. The topic names the profile, else the name the channel gave, else the address.
 */
export async function threadInbound(
  scope: TxScope,
  msg: InboundMessage,
  customer: CustomerRow | undefined,
): Promise<{ conversation: ConversationRow; created: boolean }> {
  const key = threadKeyOf(msg);
  const open = await findOpenThreadConversation(scope.tx, key);
  if (open) {
    const conversation = open.status === 'OPEN' ? open : await applyStatus(scope, open, 'OPEN', SYSTEM);
    return { conversation, created: false };
  }
  const queue = await ensureDefaultQueue(scope.tx);
  const conversation = await openConversation(
    scope,
    {
      ...key,
      topic: defaultTopic(customer?.name ?? msg.customerName, msg.from),
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
  emitConversation(scope, 'conversation.created', conv, actor, {
    number: conv.number,
    status: conv.status,
    priority: conv.priority,
    customerId: conv.customerId,
    channel: conv.channel,
  });
  return conv;
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

import type { InboundMessage } from '@parley/contracts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import {
  arrivalTime,
  type CustomerMessageMark,
  lockThreadKey,
  lockThreadKeys,
  markCustomerMessaged,
  updateConversationRow,
} from '../conversations/conversations.repo.ts';
import {
  emitThreaded,
  type ThreadedInbound,
  threadInbound,
  threadInboundBatch,
  threadKeyOf,
} from '../conversations/threading.ts';
import { findCustomerByDestination } from '../customers/customers.repo.ts';
import {
  findMessageByProviderId,
  findStoredProviderIds,
  insertMessage,
  insertMessages,
} from './messages.repo.ts';

/** The provider's time of an inbound message; null when it is unreadable (the arrival time stands in). */
function providerTime(receivedAt: string): Date | null {
  const time = Date.parse(receivedAt);
  return Number.isNaN(time) ? null : new Date(time);
}

export type IngestResult =
  | { duplicate: true }
  | { duplicate: false; conversationId: string; messageId: string; createdConversation: boolean };

/**
 * The one channel-independent inbound entry, in one transaction: a provider message id already
 * stored on that channel changes nothing; otherwise the sender is recognised (D6), the message is
 * threaded (D2) and stored, and the conversation becomes pending unless it already was.
 * The thread-key lock serialises messages of one thread, so two first messages at once start one
 * conversation and a webhook repeated concurrently is stored once.
 */
export function ingestInbound(events: Events, msg: InboundMessage): Promise<IngestResult> {
  return events.transact((scope) => ingestInboundInTx(scope, msg));
}

/** ingestInbound inside the caller's transaction, so a batch of inbound messages commits once. */
export async function ingestInboundInTx(scope: TxScope, msg: InboundMessage): Promise<IngestResult> {
  const { tx, emit } = scope;
  await lockThreadKey(tx, threadKeyOf(msg));
  if (await findMessageByProviderId(tx, msg.channel, msg.providerMessageId)) return { duplicate: true };
  const customer = await findCustomerByDestination(tx, msg.channel, msg.from);
  const { conversation, created } = await threadInbound(scope, msg, customer);
  const message = await insertMessage(tx, {
    conversationId: conversation.id,
    direction: 'INBOUND',
    channel: msg.channel,
    fromAddress: msg.from,
    toAddress: msg.to,
    authorKind: 'CUSTOMER',
    contentType: msg.contentType,
    content: msg.content,
    deliveryState: 'RECEIVED',
    providerMessageId: msg.providerMessageId,
    receivedAt: providerTime(msg.receivedAt),
  });
  // Server time (the message's created_at), so the timeline and "pending" agree with agent replies.
  const updated = await updateConversationRow(tx, conversation.id, {
    lastCustomerMessageAt: message.createdAt,
    pendingSince: conversation.pendingSince ?? message.createdAt,
  });
  emit('message.received', {
    messageId: message.id,
    conversationId: updated.id,
    queueId: updated.queueId,
    assigneeUserId: updated.assigneeUserId,
    channel: message.channel,
    contentType: message.contentType,
  });
  return {
    duplicate: false,
    conversationId: updated.id,
    messageId: message.id,
    createdConversation: created,
  };
}

/**
 * ingestInboundInTx for a batch of messages in arrival order, set-wise: a handful of statements for
 * the whole batch instead of about nine per message (the inbound processor's path). Rows, change log
 * and events are the same as ingesting the messages one after another, including a provider message
 * id repeated inside the batch (stored once). Results are in the order of `msgs`.
 */
export async function ingestInboundBatchInTx(
  scope: TxScope,
  msgs: readonly InboundMessage[],
): Promise<IngestResult[]> {
  if (msgs.length === 0) return [];
  const { tx, emit } = scope;
  await lockThreadKeys(tx, msgs.map(threadKeyOf));
  const providerKey = (m: { channel: string; providerMessageId: string }) =>
    `${m.channel}\u0000${m.providerMessageId}`;
  const seen = new Set((await findStoredProviderIds(tx, msgs)).map(providerKey));
  const freshAt = new Set<number>();
  for (const [i, m] of msgs.entries()) {
    const key = providerKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    freshAt.add(i);
  }
  const fresh = msgs.filter((_, i) => freshAt.has(i));
  const threaded = await threadInboundBatch(tx, fresh);
  const stored = fresh.map((msg, i) => {
    const { conversation, created } = threaded[i] as ThreadedInbound;
    return { msg, conversation, created, messageId: crypto.randomUUID() };
  });
  await insertMessages(
    tx,
    stored.map(({ msg, conversation, messageId }, index) => ({
      id: messageId,
      createdAt: arrivalTime(index),
      conversationId: conversation.id,
      direction: 'INBOUND' as const,
      channel: msg.channel,
      fromAddress: msg.from,
      toAddress: msg.to,
      authorKind: 'CUSTOMER' as const,
      contentType: msg.contentType,
      content: msg.content,
      deliveryState: 'RECEIVED' as const,
      providerMessageId: msg.providerMessageId,
      receivedAt: providerTime(msg.receivedAt),
    })),
  );
  const marks = new Map<string, CustomerMessageMark>();
  for (const [index, { conversation }] of stored.entries()) {
    const mark = marks.get(conversation.id);
    if (mark) mark.last = index;
    else marks.set(conversation.id, { id: conversation.id, first: index, last: index });
  }
  await markCustomerMessaged(tx, [...marks.values()]);
  const results: IngestResult[] = [];
  for (const [i, { msg, conversation, created, messageId }] of stored.entries()) {
    emitThreaded(scope, threaded[i] as ThreadedInbound);
    emit('message.received', {
      messageId,
      conversationId: conversation.id,
      queueId: conversation.queueId,
      assigneeUserId: conversation.assigneeUserId,
      channel: msg.channel,
      contentType: msg.contentType,
    });
    results.push({
      duplicate: false,
      conversationId: conversation.id,
      messageId,
      createdConversation: created,
    });
  }
  return msgs.map((_, i) => (freshAt.has(i) ? (results.shift() as IngestResult) : { duplicate: true }));
}

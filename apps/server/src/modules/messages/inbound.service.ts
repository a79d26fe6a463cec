import type { InboundMessage } from '@parley/contracts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { lockThreadKey, updateConversationRow } from '../conversations/conversations.repo.ts';
import { threadInbound, threadKeyOf } from '../conversations/threading.ts';
import { findCustomerByDestination } from '../customers/customers.repo.ts';
import { findMessageByProviderId, insertMessage } from './messages.repo.ts';

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

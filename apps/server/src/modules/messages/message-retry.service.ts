import { AppError, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { checkFreeFormReply } from '../channel-rules/channel-rules.service.ts';
import { type Actor, canReply, enforce } from '../conversations/conversations.policy.ts';
import { findConversationForUpdate } from '../conversations/conversations.repo.ts';
import { findMessageForUpdate, reopenFailedMessage } from './message-retry.repo.ts';
import { findMessageById, type MessageRow } from './messages.repo.ts';
import { ensureCanSend } from './reply-routes.service.ts';

/**
 * Sends a FAILED outbound message again — the same message, never a copy: it goes back to PENDING
 * without its failure reason, and `message.retried` makes the channel send it. Only someone who may
 * reply in the conversation may retry (D3), only while its connection is enabled, and a free-form
 * message only while the channel's 24-hour window allows it (D7). Anything but a FAILED outbound
 * message is `message_not_failed` (409).
 */
export function retryFailedMessage(events: Events, actor: Actor, messageId: string): Promise<MessageRow> {
  return events.transact(async ({ tx, emit }) => {
    const found = await findMessageById(tx, messageId);
    if (!found) throw notFound('Message');
    // The conversation's row lock first, in the order of every other reply.
    const conv = await findConversationForUpdate(tx, found.conversationId);
    if (!conv) throw notFound('Message');
    enforce(canReply(actor, conv));
    const message = await findMessageForUpdate(tx, messageId);
    if (message?.direction !== 'OUTBOUND' || message.deliveryState !== 'FAILED') {
      throw new AppError(
        'message_not_failed',
        409,
        'Only a message that failed to reach the customer can be sent again',
      );
    }
    await ensureCanSend(tx, message.channel, message.fromAddress);
    if (message.contentType !== 'TEMPLATE') {
      const route = {
        channel: message.channel,
        ourAddress: message.fromAddress,
        customerAddress: message.toAddress,
      };
      await checkFreeFormReply(tx, conv.id, route, message.content, new Date());
    }
    const retried = await reopenFailedMessage(tx, message.id);
    if (!retried) throw new Error('a locked FAILED message did not move to PENDING');
    const routing = {
      messageId: retried.id,
      conversationId: conv.id,
      queueId: conv.queueId,
      assigneeUserId: conv.assigneeUserId,
      channel: retried.channel,
    };
    emit('message.updated', { ...routing, deliveryState: 'PENDING' });
    emit('message.retried', { ...routing, authorUserId: retried.authorUserId });
    return retried;
  });
}

import type { Channel, MessageContentType } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { canSendOn } from '../channel-connections/channel-connections.lookup.ts';
import {
  type Actor,
  canEdit,
  canReply,
  checkLength,
  enforce,
} from '../conversations/conversations.policy.ts';
import { findConversationForUpdate, updateConversationRow } from '../conversations/conversations.repo.ts';
import {
  findMessageByClientId,
  insertMessage,
  insertNote,
  type MessageRow,
  type NoteRow,
} from './messages.repo.ts';
import type { MessageContent } from './messages.schema.ts';

function personId(actor: Actor): string {
  if (!('userId' in actor)) throw forbidden('Only a person can write here');
  return actor.userId;
}

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

export interface OutboundInput {
  /** The id the browser chose; a repeat returns the message stored the first time. */
  clientId?: string;
  contentType: MessageContentType;
  content: MessageContent;
}

/**
 * Stores an agent's reply (OUTBOUND, PENDING) on the conversation's channel (refused with
 * `channel_unavailable` when no enabled connection sends there, see ensureCanSend), ends
 * "pending agent reply" and emits `message.created`, on which the channel sends it. Idempotent by client id:
 * a repeat returns the stored message with `repeated: true` and changes nothing. An `automation`
 * actor (an integration over `/ccaas/1` acting for no agent) writes as BOT.
 */
export function sendAgentMessage(
  events: Events,
  actor: Actor,
  conversationId: string,
  input: OutboundInput,
): Promise<{ message: MessageRow; repeated: boolean }> {
  const authorUserId = actor.kind === 'automation' ? null : personId(actor);
  if (input.content.text !== undefined) enforce(checkLength('messageText', input.content.text));
  return events.transact(async ({ tx, emit }) => {
    // The row lock also serialises two sends with the same client id.
    const conv = await findConversationForUpdate(tx, conversationId);
    if (!conv) throw notFound('Conversation');
    if (input.clientId) {
      const stored = await findMessageByClientId(tx, conv.id, input.clientId);
      if (stored) return { message: stored, repeated: true };
    }
    enforce(canReply(actor, conv));
    if (!conv.channel || !conv.ourAddress || !conv.customerAddress) {
      throw new AppError('validation_failed', 422, 'The conversation has no channel to reply on');
    }
    await ensureCanSend(tx, conv.channel, conv.ourAddress);
    const message = await insertMessage(tx, {
      conversationId: conv.id,
      direction: 'OUTBOUND',
      channel: conv.channel,
      fromAddress: conv.ourAddress,
      toAddress: conv.customerAddress,
      authorKind: authorUserId ? 'AGENT' : 'BOT',
      authorUserId,
      contentType: input.contentType,
      content: input.content,
      deliveryState: 'PENDING',
      clientId: input.clientId ?? null,
    });
    if (conv.pendingSince) await updateConversationRow(tx, conv.id, { pendingSince: null });
    emit('message.created', {
      messageId: message.id,
      conversationId: conv.id,
      queueId: conv.queueId,
      assigneeUserId: conv.assigneeUserId,
      channel: message.channel,
      authorUserId,
    });
    return { message, repeated: false };
  });
}

/** D2 internal note by an agent or supervisor on a conversation that is not CLOSED. */
export function addNote(
  events: Events,
  actor: Actor,
  conversationId: string,
  text: string,
): Promise<NoteRow> {
  const authorUserId = personId(actor);
  enforce(checkLength('noteText', text));
  if (text.trim() === '') throw new AppError('validation_failed', 422, 'A note cannot be empty');
  return events.transact(async ({ tx, emit }) => {
    const conv = await findConversationForUpdate(tx, conversationId);
    if (!conv) throw notFound('Conversation');
    enforce(canEdit(conv));
    const note = await insertNote(tx, { conversationId: conv.id, authorUserId, text });
    emit('note.created', {
      noteId: note.id,
      conversationId: conv.id,
      queueId: conv.queueId,
      assigneeUserId: conv.assigneeUserId,
      authorUserId,
    });
    return note;
  });
}

import type { MessageContentType, ReplyRoute } from '@parley/contracts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { applyChannelRules, type ReplyDraft } from '../channel-rules/channel-rules.service.ts';
import {
  type Actor,
  canEdit,
  canReply,
  checkLength,
  enforce,
} from '../conversations/conversations.policy.ts';
import {
  findConversationForUpdate,
  lockThreadKey,
  updateConversationRow,
} from '../conversations/conversations.repo.ts';
import {
  findMessageByClientId,
  insertMessage,
  insertNote,
  type MessageRow,
  type NoteRow,
} from './messages.repo.ts';
import type { MessageContent } from './messages.schema.ts';
import { takeReplyRoute } from './reply-routes.service.ts';

function personId(actor: Actor): string {
  if (!('userId' in actor)) throw forbidden('Only a person can write here');
  return actor.userId;
}

export interface OutboundInput {
  /** The id the browser chose; a repeat returns the message stored the first time. */
  clientId?: string;
  contentType: MessageContentType;
  content: MessageContent;
  /** D2 "change channel": the route to reply on; absent = the route of the customer's last message. */
  route?: ReplyRoute;
  /** D7: a WhatsApp template chosen in the web app (contentType TEMPLATE); the rules fill it in. */
  template?: ReplyDraft['template'];
}

/**
 * Stores an agent's reply (OUTBOUND, PENDING) on its route — the requested one or the customer's
 * last channel (takeReplyRoute; `channel_unavailable` when no enabled connection sends there), ends
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
  return events.transact(async (scope) => {
    const { tx, emit } = scope;
    // Thread-key lock before the row lock, in inbound threading's order (takeReplyRoute).
    if (input.route) await lockThreadKey(tx, input.route);
    // The row lock also serialises two sends with the same client id.
    const conv = await findConversationForUpdate(tx, conversationId);
    if (!conv) throw notFound('Conversation');
    if (input.clientId) {
      const stored = await findMessageByClientId(tx, conv.id, input.clientId);
      if (stored) return { message: stored, repeated: true };
    }
    enforce(canReply(actor, conv));
    const route = await takeReplyRoute(scope, conv, input.route, actor);
    const { contentType, content } = await applyChannelRules(tx, conv.id, route, input);
    const message = await insertMessage(tx, {
      conversationId: conv.id,
      direction: 'OUTBOUND',
      channel: route.channel,
      fromAddress: route.ourAddress,
      toAddress: route.customerAddress,
      authorKind: authorUserId ? 'AGENT' : 'BOT',
      authorUserId,
      contentType,
      content,
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

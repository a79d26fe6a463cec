import { isDeepStrictEqual } from 'node:util';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { updateConversationMetadata } from './conversation-metadata.repo.ts';
import { type Actor, canEdit, enforce } from './conversations.policy.ts';
import { type ConversationRow, findConversationForUpdate } from './conversations.repo.ts';
import { emitConversation } from './conversations.service.ts';

/** Free key/value data an integrator keeps on a conversation. */
export type ConversationMetadata = Record<string, unknown>;

/**
 * Sets (or clears, with null) a conversation's metadata; not part of the change log (D2 logs
 * status, assignment, priority, tag, queue). A CLOSED conversation is refused like every other
 * change. A function derives the new metadata from the current one read under the conversation's
 * lock, so concurrent merges do not lose each other. The same metadata changes nothing.
 */
export function setConversationMetadata(
  events: Events,
  actor: Actor,
  conversationId: string,
  metadata:
    | ConversationMetadata
    | null
    | ((current: ConversationMetadata | null) => ConversationMetadata | null),
): Promise<ConversationRow> {
  return events.transact(async (scope) => {
    const conv = await findConversationForUpdate(scope.tx, conversationId);
    if (!conv) throw notFound('Conversation');
    enforce(canEdit(conv));
    const next = typeof metadata === 'function' ? metadata(conv.metadata) : metadata;
    if (isDeepStrictEqual(next, conv.metadata)) return conv;
    const updated = await updateConversationMetadata(scope.tx, conv.id, next);
    emitConversation(scope, 'conversation.updated', updated, actor, { changes: { metadata: next } });
    return updated;
  });
}

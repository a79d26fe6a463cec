import { eq, sql } from 'drizzle-orm';
import { type Actor, canEdit, enforce } from '../../modules/conversations/conversations.policy.ts';
import { findConversationForUpdate } from '../../modules/conversations/conversations.repo.ts';
import { conversations } from '../../modules/conversations/conversations.schema.ts';
import { emitConversation } from '../../modules/conversations/conversations.service.ts';
import type { Events } from '../../platform/events/types.ts';
import { ccaasNotFound } from '../errors.ts';

export type Metadata = Record<string, unknown>;

/**
 * Replaces (`replace`), merges into (`merge`) or removes (`null`) a conversation's metadata in one
 * transaction; a CLOSED conversation keeps its metadata (D2: nothing of it changes).
 */
export function writeConversationMetadata(
  events: Events,
  actor: Actor,
  conversationId: string,
  change: { replace: Metadata } | { merge: Metadata } | null,
): Promise<void> {
  return events.transact(async (scope) => {
    const conv = await findConversationForUpdate(scope.tx, conversationId);
    if (!conv) throw ccaasNotFound(conversationId);
    enforce(canEdit(conv));
    const metadata =
      change === null ? null : 'replace' in change ? change.replace : { ...conv.metadata, ...change.merge };
    const [updated] = await scope.tx
      .update(conversations)
      .set({ metadata, updatedAt: sql`now()` })
      .where(eq(conversations.id, conv.id))
      .returning();
    if (!updated) throw ccaasNotFound(conversationId);
    emitConversation(scope, 'conversation.metadata_changed', updated, actor, {});
  });
}

import { setConversationMetadata } from '../../modules/conversations/conversation-metadata.service.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import type { Events } from '../../platform/events/types.ts';

export type Metadata = Record<string, unknown>;

/**
 * Replaces (`replace`), merges into (`merge`) or removes (`null`) a conversation's metadata through
 * the conversations module, so a CLOSED conversation keeps its metadata (D2: nothing of it changes).
 */
export async function writeConversationMetadata(
  events: Events,
  actor: Actor,
  conversationId: string,
  change: { replace: Metadata } | { merge: Metadata } | null,
): Promise<void> {
  await setConversationMetadata(
    events,
    actor,
    conversationId,
    change === null || 'replace' in change
      ? (change?.replace ?? null)
      : (current) => ({ ...current, ...change.merge }),
  );
}

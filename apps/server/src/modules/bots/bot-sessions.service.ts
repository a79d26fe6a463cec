import type { TxScope } from '../../platform/events/types.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { deleteBotSession, upsertBotSession } from './bot-sessions.repo.ts';

/**
 * D3: the conversation is now held by a bot (it has no agent). Emits `conversation.bot_assigned`;
 * the caller holds the conversation's row lock and has made sure no agent holds it.
 */
export async function startBotSession(
  scope: TxScope,
  conv: ConversationRow,
  botId: string,
  actor: Actor,
): Promise<void> {
  await upsertBotSession(scope.tx, conv.id, botId);
  emitConversation(scope, 'conversation.bot_assigned', conv, actor, { botId });
}

/** Ends a bot's hold (hand-over, take-over, closing); emits `conversation.bot_released` when one held it. */
export async function endBotSession(
  scope: TxScope,
  conv: ConversationRow,
  actor: Actor,
  reason: 'HANDED_OVER' | 'TAKEN_OVER' | 'CLOSED' | 'TIMED_OUT',
): Promise<boolean> {
  const botId = await deleteBotSession(scope.tx, conv.id);
  if (!botId) return false;
  emitConversation(scope, 'conversation.bot_released', conv, actor, { botId, reason });
  return true;
}

import type { DeliveryState } from '@parley/contracts';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { advanceDeliveryState, type DeliveryMatch, setProviderMessageId } from './messages.repo.ts';
import { messages } from './messages.schema.ts';

export interface DeliveryChange {
  state: DeliveryState;
  /** Why a FAILED message failed, in the provider's words; stored with the message for the agent. */
  reason?: string;
  /** The provider's id of the message, once the provider accepted it. */
  providerMessageId?: string;
}

/**
 * Moves an outbound message's delivery state forward (SENT → DELIVERED → SEEN, or FAILED; never
 * back), keeps its failure reason in step and emits `message.updated` so screens show it. Returns
 * false when nothing moved: unknown message, or a report older than what is already known.
 */
export function changeDeliveryState(
  events: Events,
  match: DeliveryMatch,
  change: DeliveryChange,
): Promise<boolean> {
  return events.transact((scope) => changeDeliveryStateInTx(scope, match, change));
}

/** changeDeliveryState inside the caller's transaction (the inbound processor applies reports in batches). */
export async function changeDeliveryStateInTx(
  { tx, emit }: TxScope,
  match: DeliveryMatch,
  change: DeliveryChange,
): Promise<boolean> {
  const moved = await advanceDeliveryState(tx, match, change.state, change.providerMessageId);
  if (!moved) {
    // A report that overtook the send answer already moved the state; the provider id still belongs on it.
    if ('id' in match && change.providerMessageId !== undefined) {
      await setProviderMessageId(tx, match.id, change.providerMessageId);
    }
    return false;
  }
  await keepFailureReason(tx, moved.messageId, change);
  emit('message.updated', {
    messageId: moved.messageId,
    conversationId: moved.conversationId,
    queueId: moved.queueId,
    assigneeUserId: moved.assigneeUserId,
    channel: moved.channel,
    deliveryState: moved.deliveryState,
    ...(change.reason !== undefined && { failureReason: change.reason }),
  });
  return true;
}

// The reason lives only while the message is FAILED. The state ladder (messages.repo.ts) lets only
// DELIVERED and SEEN follow FAILED — a provider that later reports delivery is believed — so those
// moves clear it; a move to SENT comes from PENDING and has nothing to clear.
async function keepFailureReason(tx: Orm, messageId: string, change: DeliveryChange): Promise<void> {
  if (change.state === 'FAILED') {
    await tx
      .update(messages)
      .set({ failureReason: change.reason ?? null })
      .where(eq(messages.id, messageId));
  } else if (change.state === 'DELIVERED' || change.state === 'SEEN') {
    await tx
      .update(messages)
      .set({ failureReason: null })
      .where(and(eq(messages.id, messageId), isNotNull(messages.failureReason)));
  }
}

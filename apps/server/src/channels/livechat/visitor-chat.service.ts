import { sql } from 'drizzle-orm';
import { findOpenThreadConversation } from '../../modules/conversations/conversations.repo.ts';
import { conversationAudience } from '../../modules/conversations/conversations.visibility.ts';
import { changeDeliveryStateInTx } from '../../modules/messages/delivery-state.service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Events } from '../../platform/events/types.ts';
import type { VisitorThread } from './visitor-messages.repo.ts';

/** Most agent messages one receipt moves (a receipt names the newest; older ones follow it). */
const RECEIPT_BATCH = 100;

/**
 * The visitor's receipt: every agent message of their chat up to `upTo` reached them (DELIVERED) or
 * was on their screen (SEEN). Messages move forward only (SENT → DELIVERED → SEEN) and each move
 * emits `message.updated`, so the agents' ticks follow. The named reply may still be PENDING (the
 * visitor got the push before its send job recorded SENT; that SENT is then no move); older PENDING
 * ones have not been pushed yet and wait. Messages of other visitors
 * or widgets are never touched, whatever id the visitor names.
 */
export function applyVisitorReceipt(
  events: Events,
  thread: VisitorThread,
  upTo: string,
  state: 'DELIVERED' | 'SEEN',
): Promise<number> {
  const below = state === 'SEEN' ? sql`('PENDING', 'SENT', 'DELIVERED')` : sql`('PENDING', 'SENT')`;
  return events.transact(async (scope) => {
    const result = await scope.tx.execute<{ id: string }>(sql`
      with mark as (
        select created_at, id from messages
        where id = ${upTo} and channel = 'LIVE_CHAT' and direction = 'OUTBOUND'
          and from_address = ${thread.widgetId} and to_address = ${thread.visitorId})
      select m.id from messages m, mark
      where m.channel = 'LIVE_CHAT' and m.direction = 'OUTBOUND'
        and m.from_address = ${thread.widgetId} and m.to_address = ${thread.visitorId}
        and m.delivery_state in ${below} and (m.delivery_state <> 'PENDING' or m.id = mark.id)
        and (m.created_at, m.id) <= (mark.created_at, mark.id)
      order by m.created_at desc, m.id desc
      limit ${RECEIPT_BATCH}`);
    let moved = 0;
    for (const { id } of result.rows) {
      if (await changeDeliveryStateInTx(scope, { id }, { state })) moved++;
    }
    return moved;
  });
}

/**
 * Tells the agents who may see the visitor's open conversation that the visitor is (no longer)
 * typing. Nothing is stored; with no open conversation yet there is nobody to tell.
 */
export async function relayVisitorTyping(
  ctx: AppContext,
  thread: VisitorThread,
  typing: boolean,
): Promise<void> {
  const conversation = await findOpenThreadConversation(ctx.db.orm, {
    channel: 'LIVE_CHAT',
    ourAddress: thread.widgetId,
    customerAddress: thread.visitorId,
  });
  if (!conversation) return;
  const audience = await conversationAudience(ctx.db.orm, conversation);
  await ctx.realtime.publish(audience, {
    type: 'conversation.customer_typing',
    payload: { conversationId: conversation.id, typing },
  });
}

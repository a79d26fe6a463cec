import { sql } from 'drizzle-orm';
import { READ_STATE_CHANGED, type ReadStateChanged } from '../../modules/conversations/read-state.service.ts';
import { findMessageById } from '../../modules/messages/messages.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import type { AttachmentUrls } from './uploads.ts';
import type { VisitorHub } from './visitor-hub.ts';
import { presentVisitorMessages } from './visitor-messages.presenter.ts';
import { findVisitorMessage, type VisitorThread } from './visitor-messages.repo.ts';
import { advanceSeenUpTo } from './visitors.repo.ts';

/** The visitor and widget of a LIVE_CHAT message, whichever way it went. */
function threadOf(message: { direction: string; fromAddress: string; toAddress: string }): VisitorThread {
  return message.direction === 'INBOUND'
    ? { visitorId: message.fromAddress, widgetId: message.toAddress }
    : { visitorId: message.toAddress, widgetId: message.fromAddress };
}

/** Pushes a stored LIVE_CHAT message to its visitor's sockets; false when it is no live-chat message. */
export async function pushMessageToVisitor(
  ctx: AppContext,
  hub: VisitorHub,
  urlsOf: AttachmentUrls,
  messageId: string,
): Promise<boolean> {
  const message = await findMessageById(ctx.db.orm, messageId);
  if (message?.channel !== 'LIVE_CHAT') return false;
  const thread = threadOf(message);
  const row = await findVisitorMessage(ctx.db.orm, thread, messageId);
  if (!row) return false;
  const [payload] = await presentVisitorMessages([row], thread.visitorId, urlsOf);
  if (payload) await hub.push(thread.visitorId, { type: 'message', payload });
  return true;
}

/**
 * The latest visitor message at or before this reader's read cursor, or undefined: what an agent
 * opening the conversation has seen of the visitor's messages.
 */
async function lastReadVisitorMessage(
  ctx: AppContext,
  change: ReadStateChanged,
): Promise<string | undefined> {
  const result = await ctx.db.orm.execute<{ id: string }>(sql`
    select m.id from conversation_reads r
    join messages m on m.conversation_id = r.conversation_id
    where r.user_id = ${change.userId} and r.conversation_id = ${change.conversationId}
      and r.last_read_message_at is not null
      and m.direction = 'INBOUND' and m.channel = 'LIVE_CHAT'
      and (m.created_at, m.id) <= (r.last_read_message_at, r.last_read_message_id)
    order by m.created_at desc, m.id desc limit 1`);
  return result.rows[0]?.id;
}

/**
 * After commit: the visitor's own messages go to their sockets once threaded (every open tab shows
 * them, the sending one confirms its pending copy), and an agent reading the conversation moves the
 * visitor's "Seen" mark (only forward) and tells the widget.
 */
export function registerLiveChatHandlers(ctx: AppContext, hub: VisitorHub, urlsOf: AttachmentUrls): void {
  ctx.events.on('message.received', async (event) => {
    const { messageId, channel } = event.payload as { messageId: string; channel: string };
    if (channel === 'LIVE_CHAT') await pushMessageToVisitor(ctx, hub, urlsOf, messageId);
  });

  ctx.events.on(READ_STATE_CHANGED, async (event) => {
    const upTo = await lastReadVisitorMessage(ctx, event.payload as ReadStateChanged);
    if (!upTo) return;
    const message = await findMessageById(ctx.db.orm, upTo);
    if (!message) return;
    const { visitorId } = threadOf(message);
    if (await advanceSeenUpTo(ctx.db.orm, visitorId, upTo)) {
      await hub.push(visitorId, { type: 'seen', payload: { upTo } });
    }
  });
}

import type { Channel, DeliveryState } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { MessageContent } from './messages.schema.ts';

/** A message whose content changed, with what realtime needs to route the update. */
export interface ChangedMessage {
  messageId: string;
  conversationId: string;
  channel: Channel;
  deliveryState: DeliveryState;
  queueId: string | null;
  assigneeUserId: string | null;
}

/** Replaces an INBOUND message's content (its media now stored by Parley); undefined when there is none. */
export async function replaceInboundMessageContent(
  tx: Orm,
  id: string,
  content: MessageContent,
): Promise<ChangedMessage | undefined> {
  const result = await tx.execute<{
    id: string;
    conversation_id: string;
    channel: Channel;
    delivery_state: DeliveryState;
    queue_id: string | null;
    assignee_user_id: string | null;
  }>(sql`
    update messages m set content = ${JSON.stringify(content)}::jsonb, updated_at = now()
    from conversations c
    where c.id = m.conversation_id and m.id = ${id} and m.direction = 'INBOUND'
    returning m.id, m.conversation_id, m.channel, m.delivery_state, c.queue_id, c.assignee_user_id`);
  const [row] = result.rows;
  return (
    row && {
      messageId: row.id,
      conversationId: row.conversation_id,
      channel: row.channel,
      deliveryState: row.delivery_state,
      queueId: row.queue_id,
      assigneeUserId: row.assignee_user_id,
    }
  );
}

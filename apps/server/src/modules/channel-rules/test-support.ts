import type { App } from '../../app.ts';
import { messagesApiChannelOf } from '../../channels/infobip/channel-names.ts';
import { incomingTextPayload } from '../../channels/infobip/fake-events.ts';
import { eventually, postWebhook } from '../../channels/infobip/test-support.ts';
import type { Db } from '../../platform/db/client.ts';
import type { ChannelConnectionRow } from '../channel-connections/channel-connections.repo.ts';

// Shared by the channel-rule integration tests: a customer writing through the Infobip webhook,
// now or long ago (Infobip's receivedAt), and the conversation that message landed in.

export const HOUR = 60 * 60 * 1000;

/**
 * The customer `from` writes to the connection's sender, `hoursAgo` hours ago by the provider's
 * clock (a webhook Infobip delivers late); resolves with the conversation once it is stored.
 */
export async function customerWrote(
  app: App,
  db: Db,
  connection: Pick<ChannelConnectionRow, 'id' | 'sender' | 'channel'>,
  options: { from?: string; hoursAgo?: number; text?: string } = {},
): Promise<{ conversationId: string; customer: string }> {
  const customer = options.from ?? `3859${Math.floor(Math.random() * 1e8)}`;
  const messageId = crypto.randomUUID();
  const res = await postWebhook(
    app,
    connection,
    incomingTextPayload({
      from: customer,
      to: connection.sender,
      text: options.text ?? 'Hello?',
      messageId,
      channel: messagesApiChannelOf(connection.channel) ?? connection.channel,
      receivedAt: new Date(Date.now() - (options.hoursAgo ?? 0) * HOUR),
    }),
  );
  if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
  const conversationId = await eventually(async () => {
    const result = await db.pool.query<{ conversation_id: string }>(
      'select conversation_id from messages where provider_message_id = $1',
      [messageId],
    );
    return result.rows[0]?.conversation_id;
  }, 'the customer message');
  return { conversationId, customer };
}

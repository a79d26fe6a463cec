import type { InboundMessage } from '@parley/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { sendAgentMessage } from '../messages/messages.service.ts';
import { mergeConversations } from './conversation-merge.service.ts';
import { findThreadOwners } from './conversation-threads.repo.ts';
import { findConversationById } from './conversations.repo.ts';
import { connectOmnichannelSenders, omnichannelCustomer, type Thread } from './omnichannel-test-desk.ts';
import { createDesk, type Desk } from './test-fixtures.ts';
import { createConversation } from './threading.ts';

// Omnichannel under concurrency: a merge or a "change channel" reply racing the customer's message
// on the same thread never loses the message nor leaves two open conversations on one thread.

let db: Db;
let desk: Desk;
beforeAll(async () => {
  db = await createTestDb({ poolSize: 12 });
  desk = await createDesk(db);
  await connectOmnichannelSenders(db);
});

const message = (t: Thread, text = 'Hi'): InboundMessage =>
  desk.inbound({ channel: t.channel, from: t.customerAddress, to: t.ourAddress, content: { text } });

async function messageConversation(providerMessageId: string): Promise<string> {
  const { rows } = await db.pool.query<{ conversation_id: string }>(
    'select conversation_id from messages where provider_message_id = $1',
    [providerMessageId],
  );
  return rows[0]?.conversation_id as string;
}

async function openConversationsOf(customerId: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `select count(*)::int as n from conversations where customer_id = $1 and status <> 'CLOSED'`,
    [customerId],
  );
  return rows[0]?.n ?? 0;
}

describe('omnichannel under concurrency', () => {
  it('a customer message racing a merge of its conversation ends in the target', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { customer, threads } = await omnichannelCustomer(desk.events);
      const [sms, whatsapp] = threads as [Thread, Thread];
      const target = await createConversation(desk.events, desk.supervisor, sms);
      const source = (await ingestInbound(desk.events, message(whatsapp))) as { conversationId: string };
      const racing = message(whatsapp, 'Racing the merge');
      const [merged, got] = await Promise.all([
        mergeConversations(desk.events, desk.supervisor, target.id, [source.conversationId]),
        ingestInbound(desk.events, racing),
      ]);
      expect(merged.id).toBe(target.id);
      expect(got.duplicate).toBe(false);
      expect(await messageConversation(racing.providerMessageId)).toBe(target.id);
      expect(await openConversationsOf(customer.id)).toBe(1);
    }
  });

  it('a customer message racing a reply on that new channel never makes a second owner of the thread', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { customer, threads } = await omnichannelCustomer(desk.events);
      const [sms, email] = [threads[0], threads[4]] as [Thread, Thread];
      const conv = await createConversation(desk.events, desk.supervisor, sms);
      const racing = message(email, 'Racing the reply');
      const [sent] = await Promise.allSettled([
        sendAgentMessage(desk.events, desk.supervisor, conv.id, {
          contentType: 'TEXT',
          content: { text: 'Over to e-mail' },
          route: email,
        }),
        ingestInbound(desk.events, racing),
      ]);
      const owners = await findThreadOwners(db.orm, [email]);
      expect(owners).toHaveLength(1);
      if (sent.status === 'fulfilled') {
        // The reply claimed the thread first: the customer's message joined its conversation.
        expect(await messageConversation(racing.providerMessageId)).toBe(conv.id);
        expect(await openConversationsOf(customer.id)).toBe(1);
      } else {
        // The message started its own conversation first: the reply is refused, naming it.
        expect(sent.reason).toBeInstanceOf(AppError);
        expect((sent.reason as AppError).code).toBe('conflict');
        expect((await findConversationById(db.orm, conv.id))?.channels).toEqual(['SMS']);
      }
    }
  });
});

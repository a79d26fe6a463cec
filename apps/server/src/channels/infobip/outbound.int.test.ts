import type { DeliveryState } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { ChannelConnectionRow } from '../../modules/channel-connections/channel-connections.repo.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { insertTestUser } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { deliveryReportPayload, incomingTextPayload, seenReportPayload } from './fake-events.ts';
import { type FakeInfobip, startFakeInfobip } from './fake-provider.ts';
import { createTestConnection, eventually, postWebhook } from './test-support.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let connection: ChannelConnectionRow;
let supervisor: Actor;
const updates: DomainEvent[] = [];

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp());
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
  const user = await insertTestUser(db, ['agent', 'supervisor']);
  supervisor = { kind: 'supervisor', userId: user.id };
  ctx.events.on('message.updated', (event) => {
    updates.push(event);
  });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

/** A conversation started by an inbound WhatsApp message to `sender`; returns its id and the customer. */
async function conversationWith(sender: string): Promise<{ conversationId: string; customer: string }> {
  const customer = `3859${Math.floor(Math.random() * 1e8)}`;
  const res = await postWebhook(
    app,
    connection,
    incomingTextPayload({ from: customer, to: sender, text: 'Hi' }),
  );
  expect(res.statusCode).toBe(200);
  const conversationId = await eventually(async () => {
    const result = await db.pool.query<{ conversation_id: string }>(
      'select conversation_id from messages where from_address = $1',
      [customer],
    );
    return result.rows[0]?.conversation_id;
  }, 'the inbound message');
  return { conversationId, customer };
}

async function reply(conversationId: string, text: string): Promise<string> {
  const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
    contentType: 'TEXT',
    content: { text },
  });
  return message.id;
}

async function stateOf(messageId: string) {
  const result = await db.pool.query<{ delivery_state: DeliveryState; provider_message_id: string | null }>(
    'select delivery_state, provider_message_id from messages where id = $1',
    [messageId],
  );
  return result.rows[0];
}

function waitForState(messageId: string, state: DeliveryState) {
  return eventually(async () => {
    const row = await stateOf(messageId);
    return row?.delivery_state === state ? row : undefined;
  }, `message ${messageId} to be ${state}`);
}

const sendsOf = (messageId: string) => fake.received.filter((send) => send.messageIds.includes(messageId));

describe('Infobip outbound', () => {
  it('sends an agent reply with the API key and the documented body, then stores SENT and the provider id', async () => {
    const { conversationId, customer } = await conversationWith(connection.sender);
    const messageId = await reply(conversationId, 'How can I help?');
    const sent = await waitForState(messageId, 'SENT');
    expect(sent.provider_message_id).toBe(messageId);
    const [send] = sendsOf(messageId);
    expect(send?.body.messages[0]).toMatchObject({
      channel: 'WHATSAPP',
      sender: connection.sender,
      destinations: [{ to: customer, messageId }],
      content: { body: { type: 'TEXT', text: 'How can I help?' } },
    });
    expect(updates.some((e) => (e.payload as { messageId: string }).messageId === messageId)).toBe(true);
  });

  it('retries a 429 and sends the message exactly once', async () => {
    const { conversationId } = await conversationWith(connection.sender);
    fake.failNext(1, 429);
    const messageId = await reply(conversationId, 'After a rate limit');
    await waitForState(messageId, 'SENT');
    expect(sendsOf(messageId)).toHaveLength(1);
  });

  it('marks a message the provider refuses (400) FAILED with the reason, and tells the screens', async () => {
    const { conversationId } = await conversationWith(connection.sender);
    fake.failNext(1, 400);
    const messageId = await reply(conversationId, 'Refused');
    await waitForState(messageId, 'FAILED');
    expect(sendsOf(messageId)).toHaveLength(0);
    const event = updates.find((e) => (e.payload as { messageId: string }).messageId === messageId);
    expect(event?.payload).toMatchObject({
      conversationId,
      deliveryState: 'FAILED',
      failureReason: expect.stringContaining('E400'),
    });
  });

  it('applies delivery and seen reports from the webhook, never moving backwards', async () => {
    const { conversationId } = await conversationWith(connection.sender);
    const messageId = await reply(conversationId, 'Will you see this?');
    const { provider_message_id: providerId } = await waitForState(messageId, 'SENT');
    expect(providerId).not.toBeNull();
    const id = providerId as string;
    expect((await postWebhook(app, connection, deliveryReportPayload({ messageId: id }))).statusCode).toBe(
      200,
    );
    await waitForState(messageId, 'DELIVERED');
    expect((await postWebhook(app, connection, seenReportPayload({ messageId: id }))).statusCode).toBe(200);
    await waitForState(messageId, 'SEEN');
    // A late delivery report is processed and changes nothing.
    await postWebhook(app, connection, deliveryReportPayload({ messageId: id }));
    await eventually(async () => {
      const result = await db.pool.query<{ n: number }>(
        'select count(*)::int as n from inbound_events where connection_id = $1 and processed_at is null',
        [connection.id],
      );
      return result.rows[0]?.n === 0 ? true : undefined;
    }, 'the late report to be processed');
    expect((await stateOf(messageId))?.delivery_state).toBe('SEEN');
  });

  it('marks a failed delivery report FAILED', async () => {
    const { conversationId } = await conversationWith(connection.sender);
    const messageId = await reply(conversationId, 'To nowhere');
    await waitForState(messageId, 'SENT');
    await postWebhook(app, connection, deliveryReportPayload({ messageId, groupName: 'UNDELIVERABLE' }));
    await waitForState(messageId, 'FAILED');
  });

  it('fails a reply when no enabled connection sends from its sender', async () => {
    const other = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
    const { conversationId } = await conversationWith(other.sender);
    await db.pool.query('update channel_connections set enabled = false where id = $1', [other.id]);
    const messageId = await reply(conversationId, 'Nobody sends this');
    await waitForState(messageId, 'FAILED');
    const event = updates.find((e) => (e.payload as { messageId: string }).messageId === messageId);
    expect(event?.payload).toMatchObject({
      failureReason: expect.stringMatching(/No enabled channel connection/),
    });
  });
});

import type { DeliveryState, TimelineItem } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { ChannelConnectionRow } from '../../modules/channel-connections/channel-connections.repo.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { insertTestUser, signIn, type TestSession } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
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
let supervisorSession: TestSession;
const updates: DomainEvent[] = [];

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp());
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
  const user = await insertTestUser(db, ['agent', 'supervisor']);
  supervisor = { kind: 'supervisor', userId: user.id };
  supervisorSession = await signIn(app, user.email);
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
  const result = await db.pool.query<{
    delivery_state: DeliveryState;
    provider_message_id: string | null;
    failure_reason: string | null;
  }>('select delivery_state, provider_message_id, failure_reason from messages where id = $1', [messageId]);
  return result.rows[0];
}

/** The message as the agent's timeline shows it after a reload (GET /api/conversations/:id/timeline). */
async function timelineMessage(conversationId: string, messageId: string) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/conversations/${conversationId}/timeline?limit=100`,
    headers: supervisorSession.headers,
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: TimelineItem[] }).items.find((i) => i.id === messageId);
}

/** Waits until every stored webhook body of the test connection has been processed. */
function webhooksProcessed() {
  return eventually(async () => {
    const result = await db.pool.query<{ n: number }>(
      'select count(*)::int as n from inbound_events where connection_id = $1 and processed_at is null',
      [connection.id],
    );
    return result.rows[0]?.n === 0 ? true : undefined;
  }, 'the webhook bodies to be processed');
}

function waitForState(messageId: string, state: DeliveryState) {
  return eventually(async () => {
    const row = await stateOf(messageId);
    return row?.delivery_state === state ? row : undefined;
  }, `message ${messageId} to be ${state}`);
}

// Handlers run after the commit, so the `message.updated` may land just after the state is visible.
const updateOf = (messageId: string) =>
  eventually(
    async () => updates.find((e) => (e.payload as { messageId: string }).messageId === messageId),
    `message.updated of ${messageId}`,
  );

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
    await updateOf(messageId);
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
    const failed = await waitForState(messageId, 'FAILED');
    expect(sendsOf(messageId)).toHaveLength(0);
    const event = await updateOf(messageId);
    expect(event.payload).toMatchObject({
      conversationId,
      deliveryState: 'FAILED',
      failureReason: expect.stringContaining('E400'),
    });
    expect(failed.failure_reason).toBe((event.payload as { failureReason?: string }).failureReason);
    // After a reload the agent still sees why: the reason comes from the message, not the event.
    expect(await timelineMessage(conversationId, messageId)).toMatchObject({
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
    await webhooksProcessed();
    expect((await stateOf(messageId))?.delivery_state).toBe('SEEN');
  });

  it('marks a failed delivery report FAILED and stores the provider reason', async () => {
    const { conversationId } = await conversationWith(connection.sender);
    const messageId = await reply(conversationId, 'To nowhere');
    await waitForState(messageId, 'SENT');
    await postWebhook(app, connection, deliveryReportPayload({ messageId, groupName: 'UNDELIVERABLE' }));
    expect((await waitForState(messageId, 'FAILED')).failure_reason).toBe('Unknown subscriber');
    expect(await timelineMessage(conversationId, messageId)).toMatchObject({
      deliveryState: 'FAILED',
      failureReason: 'Unknown subscriber',
    });
  });

  it('keeps the first failure reason, and clears it when a later report says the message arrived', async () => {
    const { conversationId } = await conversationWith(connection.sender);
    const messageId = await reply(conversationId, 'Lost, then found');
    await waitForState(messageId, 'SENT');
    await postWebhook(app, connection, deliveryReportPayload({ messageId, groupName: 'UNDELIVERABLE' }));
    await waitForState(messageId, 'FAILED');
    // A second failure does not move the state (FAILED is never re-entered), so its reason is not taken.
    const expired = deliveryReportPayload({ messageId, groupName: 'EXPIRED' });
    const [expiredResult] = expired.results;
    if (expiredResult) expiredResult.error = { ...(expiredResult.error as object), description: 'Expired' };
    await postWebhook(app, connection, expired);
    await webhooksProcessed();
    expect((await stateOf(messageId))?.failure_reason).toBe('Unknown subscriber');
    // Delivery reported after a failure is believed (messages.repo.ts ladder): the reason goes.
    await postWebhook(app, connection, deliveryReportPayload({ messageId }));
    expect((await waitForState(messageId, 'DELIVERED')).failure_reason).toBeNull();
    const shown = await timelineMessage(conversationId, messageId);
    expect(shown).toMatchObject({ deliveryState: 'DELIVERED' });
    expect(shown).not.toHaveProperty('failureReason');
  });

  it('refuses a reply when no enabled connection sends from its sender, storing nothing', async () => {
    const other = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
    const { conversationId } = await conversationWith(other.sender);
    await db.pool.query('update channel_connections set enabled = false where id = $1', [other.id]);
    await expect(reply(conversationId, 'Nobody sends this')).rejects.toMatchObject({
      code: 'channel_unavailable',
    });
    const stored = await db.pool.query(
      'select 1 from messages where conversation_id = $1 and direction = $2',
      [conversationId, 'OUTBOUND'],
    );
    expect(stored.rowCount).toBe(0);
  });

  it('fails a reply whose connection was disabled after the reply was stored', async () => {
    const other = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
    const { conversationId } = await conversationWith(other.sender);
    // Disabling in the reply's own transaction: the send job, started on commit, finds no connection.
    const messageId = await ctx.events.transact(async (scope) => {
      const { message } = await sendAgentMessage(
        joinTransaction(ctx.events, scope),
        supervisor,
        conversationId,
        {
          contentType: 'TEXT',
          content: { text: 'Nobody sends this' },
        },
      );
      await scope.tx.execute(sql`update channel_connections set enabled = false where id = ${other.id}`);
      return message.id;
    });
    await waitForState(messageId, 'FAILED');
    const event = await updateOf(messageId);
    expect(event.payload).toMatchObject({
      failureReason: expect.stringMatching(/No enabled channel connection/),
    });
  });
});

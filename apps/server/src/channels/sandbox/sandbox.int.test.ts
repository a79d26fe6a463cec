import type { DeliveryState } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { insertTestUser } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { validateConnection } from '../infobip/client.ts';
import { deliveryReportPayload, incomingTextPayload } from '../infobip/fake-events.ts';
import { referenceViolations } from '../infobip/reference-schema.ts';
import {
  createTestConnection,
  eventually,
  postWebhook,
  type TestConnection,
} from '../infobip/test-support.ts';
import { SANDBOX_MAX_DESTINATIONS } from './sandbox.service.ts';
import { SANDBOX_BASE_PATH } from './sandbox-address.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let baseUrl: string;
let whatsapp: TestConnection;
let sms: TestConnection;
let supervisor: Actor;
const API_KEY = 'sandbox-key-0123456789';
const SEND_URL = `${SANDBOX_BASE_PATH}/messages-api/1/messages`;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp({ SANDBOX_PROVIDER: 'true' }));
  // Send jobs reach the sandbox over HTTP, as they reach Infobip.
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `${address}${SANDBOX_BASE_PATH}`;
  whatsapp = await createTestConnection(ctx, { channel: 'WHATSAPP', baseUrl, apiKey: API_KEY });
  sms = await createTestConnection(ctx, { channel: 'SMS', baseUrl, apiKey: API_KEY });
  const user = await insertTestUser(db, ['agent', 'supervisor']);
  supervisor = { kind: 'supervisor', userId: user.id };
});
afterAll(async () => {
  await app.close();
});

const textSend = (sender: string, channel = 'WHATSAPP', to = '385911234567') => ({
  messages: [
    {
      channel,
      sender,
      destinations: [{ to, messageId: crypto.randomUUID() }],
      content: { body: { type: 'TEXT', text: 'Hello from the sandbox' } },
      webhooks: { callbackData: 'cb-1' },
    },
  ],
});

function send(body: unknown, authorization = `App ${API_KEY}`, contentType = 'application/json') {
  return app.inject({
    method: 'POST',
    url: SEND_URL,
    headers: { authorization, 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function conversationOn(connection: TestConnection): Promise<string> {
  const customer = `3859${Math.floor(Math.random() * 1e8)}`;
  const channel = connection.channel === 'SMS' ? 'SMS' : 'WHATSAPP';
  const res = await postWebhook(
    app,
    connection,
    incomingTextPayload({ from: customer, to: connection.sender, text: 'Hi there', channel }),
  );
  expect(res.statusCode).toBe(200);
  return eventually(async () => {
    const { rows } = await db.pool.query<{ conversation_id: string }>(
      'select conversation_id from messages where from_address = $1',
      [customer],
    );
    return rows[0]?.conversation_id;
  }, 'the inbound message');
}

const stateOf = async (messageId: string) =>
  (
    await db.pool.query<{ delivery_state: DeliveryState }>(
      'select delivery_state from messages where id = $1',
      [messageId],
    )
  ).rows[0]?.delivery_state;

const reachState = (messageId: string, state: DeliveryState) =>
  eventually(async () => ((await stateOf(messageId)) === state ? true : undefined), `${state}`, 30_000);

describe('sandbox provider: POST /sandbox/infobip/messages-api/1/messages', () => {
  it('authenticates like Infobip: App key of a connection pointed at the sandbox, else 401 E401', async () => {
    for (const authorization of ['', 'App wrong-key-123456', `Basic ${API_KEY}`]) {
      const res = await send(textSend(whatsapp.sender), authorization);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ errorCode: 'E401' });
    }
    // A connection to a real provider with the same key is not the sandbox's business.
    const real = await createTestConnection(ctx, {
      baseUrl: 'https://xyz.api.infobip.com',
      apiKey: 'real-key-99999',
    });
    const res = await send(textSend(real.sender), 'App real-key-99999');
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 with violations for malformed JSON or a body the reference refuses', async () => {
    const malformed = await send('{"messages": [');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      errorCode: 'E400',
      violations: [{ violation: 'Malformed JSON.' }],
    });
    const invalid = await send({ messages: [{ channel: 'WHATSAPP', sender: whatsapp.sender }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().violations.length).toBeGreaterThan(0);
    const notJson = await send('hello', `App ${API_KEY}`, 'text/plain');
    expect(notJson.statusCode).toBe(400);
  });

  it('refuses a channel and sender its key does not carry (403 E403)', async () => {
    const res = await send(textSend('999000111'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ errorCode: 'E403' });
    const viber = await send(textSend(whatsapp.sender, 'VIBER_BM'));
    expect(viber.statusCode).toBe(403);
  });

  it('accepts a valid send with the documented answer, with message ids of its own', async () => {
    const body = textSend(whatsapp.sender);
    const res = await send(body);
    expect(res.statusCode).toBe(200);
    const messageId = res.json().messages[0]?.messageId;
    // The client's messageId is not taken: it could name a message of another connection.
    expect(messageId).not.toBe(body.messages[0]?.destinations[0]?.messageId);
    expect(res.json()).toEqual({
      bulkId: expect.any(String),
      messages: [
        {
          messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          status: {
            groupId: 1,
            groupName: 'PENDING',
            id: 26,
            name: 'MESSAGE_ACCEPTED',
            description: 'Message sent to next instance',
          },
          destination: '385911234567',
        },
      ],
    });
  });

  it('validates without sending: a connection check passes for its sender, and names a sender the key lacks', async () => {
    const jobs = async () =>
      (await db.pool.query("select count(*)::int as n from pgboss.job where name = 'sandbox.post-report'"))
        .rows[0]?.n;
    const before = await jobs();
    const account = { channel: 'WHATSAPP' as const, baseUrl, apiKey: API_KEY };
    expect(await validateConnection({ ...account, sender: whatsapp.sender })).toMatchObject({ ok: true });
    const unknown = await validateConnection({ ...account, sender: '385000000000' }).catch((e) => e);
    expect(unknown).toMatchObject({ status: 403, message: /no WHATSAPP sender 385000000000/ });
    const wrongKey = await validateConnection({
      ...account,
      sender: whatsapp.sender,
      apiKey: 'x'.repeat(20),
    }).catch((e) => e);
    expect(wrongKey).toMatchObject({ code: 'auth_failed', status: 401 });
    expect(await jobs()).toBe(before);
  });

  it('refuses more than 20 destinations in one request (400 E400), queuing nothing', async () => {
    const body = textSend(whatsapp.sender);
    const [message] = body.messages;
    if (!message) throw new Error('no message');
    message.destinations = Array.from({ length: SANDBOX_MAX_DESTINATIONS + 1 }, (_, i) => ({
      to: `3859100${String(i).padStart(5, '0')}`,
      messageId: crypto.randomUUID(),
    }));
    const jobs = async () =>
      (await db.pool.query("select count(*)::int as n from pgboss.job where name = 'sandbox.post-report'"))
        .rows[0]?.n;
    const before = await jobs();
    const res = await send(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errorCode: 'E400',
      violations: [{ violation: 'At most 20 destinations per request.' }],
    });
    expect(await jobs()).toBe(before);
  });
});

describe('reports are scoped to the connection that posts them', () => {
  it("a connection's reports move only the messages it sends, never another connection's", async () => {
    const real = await createTestConnection(ctx, { channel: 'WHATSAPP', baseUrl: 'http://127.0.0.1:9' });
    const conversationId = await conversationOn(real);
    const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
      contentType: 'TEXT',
      content: { text: 'Sent through the real line' },
    });
    const providerId = `real-${crypto.randomUUID()}`;
    await db.pool.query(
      "update messages set delivery_state = 'SENT', provider_message_id = $2 where id = $1",
      [message.id, providerId],
    );
    const report = (messageId: string) =>
      deliveryReportPayload({
        messageId,
        channel: 'WHATSAPP',
        sender: real.sender,
        destination: message.toAddress,
      });
    const allProcessed = (connectionId: string) =>
      eventually(async () => {
        const { rows } = await db.pool.query<{ n: number }>(
          'select count(*)::int as n from inbound_events where connection_id = $1 and processed_at is null',
          [connectionId],
        );
        return rows[0]?.n === 0 ? true : undefined;
      }, 'processed reports');
    // Through the sandbox connection, by the provider's id and by our own id: nothing moves.
    for (const id of [providerId, message.id]) {
      expect((await postWebhook(app, whatsapp, report(id))).statusCode).toBe(200);
    }
    await allProcessed(whatsapp.id);
    expect(await stateOf(message.id)).not.toBe('DELIVERED');
    // The connection that sent it is believed.
    expect((await postWebhook(app, real, report(providerId))).statusCode).toBe(200);
    await reachState(message.id, 'DELIVERED');
  });
});

describe('sandbox provider: a reply really goes out and its ticks advance', () => {
  it('WhatsApp: send job → sandbox → delivery report → DELIVERED → seen report → SEEN', async () => {
    const conversationId = await conversationOn(whatsapp);
    const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
      contentType: 'TEXT',
      content: { text: 'Your order ships today.' },
    });
    const seen: DeliveryState[] = [];
    await eventually(
      async () => {
        const state = await stateOf(message.id);
        if (state && seen.at(-1) !== state) seen.push(state);
        return state === 'SEEN' ? true : undefined;
      },
      'SEEN',
      30_000,
    );
    // DELIVERED comes first; a poll may miss the short SENT step, never the order.
    expect(seen.indexOf('DELIVERED')).toBeLessThan(seen.indexOf('SEEN'));
    expect(seen).not.toContain('FAILED');
    // The reports came through the real webhook and were stored like any provider's, naming the
    // sandbox's own id for the message.
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from inbound_events e join messages m on m.id = $2
       where e.connection_id = $1 and e.payload::text like '%' || m.provider_message_id || '%'`,
      [whatsapp.id, message.id],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('SMS: delivered, and no seen report (SMS has no read receipts)', async () => {
    const conversationId = await conversationOn(sms);
    const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
      contentType: 'TEXT',
      content: { text: 'Your SIM is active.' },
    });
    await reachState(message.id, 'DELIVERED');
    const { rows } = await db.pool.query<{ event: string }>(
      `select data->>'event' as event from pgboss.job j join messages m on m.id = $1
       where j.name = 'sandbox.post-report' and j.data->'destination'->>'messageId' = m.provider_message_id`,
      [message.id],
    );
    expect(rows.map((r) => r.event)).toEqual(['DELIVERY']);
  });

  it('is not served when SANDBOX_PROVIDER is off', async () => {
    const { app: plain } = await buildTestApp({ SANDBOX_PROVIDER: 'false' }, db);
    const res = await plain.inject({
      method: 'POST',
      url: SEND_URL,
      headers: { authorization: `App ${API_KEY}`, 'content-type': 'application/json' },
      payload: JSON.stringify(textSend(whatsapp.sender)),
    });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });

  it('serves the WhatsApp template registry of its WhatsApp senders, so demo lines have approved templates', async () => {
    const registry = (sender: string, authorization = `App ${API_KEY}`) =>
      app.inject({
        method: 'GET',
        url: `${SANDBOX_BASE_PATH}/whatsapp/2/senders/${sender}/templates`,
        headers: { authorization },
      });
    const listed = await registry(whatsapp.sender);
    expect(listed.statusCode).toBe(200);
    expect(referenceViolations('TemplatesApiResponse', listed.json())).toEqual([]);
    expect(listed.json().templates.map((t: { status: string }) => t.status)).toEqual([
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
    ]);
    expect((await registry(sms.sender)).statusCode).toBe(404);
    expect((await registry(whatsapp.sender, 'App wrong-key-000')).statusCode).toBe(401);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { disableConnection } from '../../modules/channel-connections/channel-connections.service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { deliveryReportPayload, incomingTextPayload, seenReportPayload } from './fake-events.ts';
import { createTestConnection, eventually, postWebhook, type TestConnection } from './test-support.ts';
import { reportPassword, webhookAuthorization } from './verify.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let connection: TestConnection;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  connection = await createTestConnection(ctx);
});
afterAll(async () => {
  await app.close();
});

function fixture(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

async function storedEvents(connectionId: string) {
  const result = await db.pool.query<{
    id: string;
    payload: unknown;
    processed_at: Date | null;
    last_error: string | null;
  }>('select id, payload, processed_at, last_error from inbound_events where connection_id = $1', [
    connectionId,
  ]);
  return result.rows;
}

async function messagesFrom(from: string) {
  const result = await db.pool.query<{ provider_message_id: string; content: { text?: string } }>(
    `select provider_message_id, content from messages where from_address = $1 order by created_at`,
    [from],
  );
  return result.rows;
}

describe('POST /webhooks/infobip/messages', () => {
  const examples = [
    ...Object.entries(fixture('incoming-messages.json')),
    ...Object.entries(fixture('delivery-reports.json')),
    ...Object.entries(fixture('seen-reports.json')),
  ];

  it.each(examples)('accepts, stores and processes the reference example "%s"', async (_name, payload) => {
    const own = await createTestConnection(ctx);
    const res = await postWebhook(app, own, payload);
    expect(res.statusCode).toBe(200);
    const [stored] = await storedEvents(own.id);
    expect(stored?.payload).toEqual(payload);
    const processed = await eventually(async () => {
      const [row] = await storedEvents(own.id);
      return row?.processed_at ? row : undefined;
    }, 'the event to be processed');
    expect(processed.last_error).toBeNull();
  });

  it('turns an incoming text into a message once, even when Infobip repeats the webhook', async () => {
    const from = `3859${Date.now() % 1e8}`;
    const payload = incomingTextPayload({ from, to: connection.sender, text: 'Hello there' });
    for (let i = 0; i < 3; i++) expect((await postWebhook(app, connection, payload)).statusCode).toBe(200);
    await eventually(async () => ((await messagesFrom(from)).length === 1 ? true : undefined), 'the message');
    await eventually(
      async () =>
        (await storedEvents(connection.id)).every((row) => row.processed_at !== null) ? true : undefined,
      'all three events processed',
    );
    const messages = await messagesFrom(from);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content.text).toBe('Hello there');
  });

  it('keeps the customer order of messages posted one after another', async () => {
    const from = `3851${Date.now() % 1e8}`;
    const texts = Array.from({ length: 8 }, (_, i) => `part ${i}`);
    for (const text of texts) {
      expect(
        (await postWebhook(app, connection, incomingTextPayload({ from, to: connection.sender, text })))
          .statusCode,
      ).toBe(200);
    }
    const messages = await eventually(async () => {
      const rows = await messagesFrom(from);
      return rows.length === texts.length ? rows : undefined;
    }, 'all messages');
    expect(messages.map((m) => m.content.text)).toEqual(texts);
  });

  it('answers 401 without credentials, with a wrong secret or an unknown connection, tersely', async () => {
    const payload = incomingTextPayload({ from: '385911', to: connection.sender, text: 'x' });
    const cases = [
      undefined,
      webhookAuthorization({ id: connection.id, webhookSecret: 'wrong' }),
      webhookAuthorization({ id: crypto.randomUUID(), webhookSecret: connection.webhookSecret }),
      webhookAuthorization({ id: 'not-a-uuid', webhookSecret: connection.webhookSecret }),
      // What the database holds is no credential.
      webhookAuthorization({ id: connection.id, webhookSecret: connection.webhookSecretHash }),
      'Bearer abc',
    ];
    for (const authorization of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/webhooks/infobip/messages',
        headers: authorization ? { authorization } : {},
        payload,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    }
  });

  it('takes delivery and seen reports, and nothing else, with the report password of a send', async () => {
    const own = await createTestConnection(ctx);
    const authorization = webhookAuthorization({ id: own.id, webhookSecret: reportPassword(own) });
    const post = (payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/webhooks/infobip/messages',
        headers: { authorization, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
    expect((await post(deliveryReportPayload({ messageId: crypto.randomUUID() }))).statusCode).toBe(200);
    expect((await post(seenReportPayload({ messageId: crypto.randomUUID() }))).statusCode).toBe(200);
    const incoming = await post(incomingTextPayload({ from: '385912', to: own.sender, text: 'forged' }));
    expect(incoming.statusCode).toBe(403);
    expect(incoming.json().error.code).toBe('forbidden');
    expect(await storedEvents(own.id)).toHaveLength(2);
  });

  it('answers 400 to a body that is not an Infobip webhook, and stores nothing', async () => {
    const own = await createTestConnection(ctx);
    for (const payload of [{ hello: 'world' }, { results: 'nope' }]) {
      const res = await postWebhook(app, own, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'validation_failed', message: expect.any(String) } });
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/webhooks/infobip/messages',
      headers: { authorization: webhookAuthorization(own), 'content-type': 'application/json' },
      payload: '{"results": [',
    });
    expect(malformed.statusCode).toBe(400);
    expect(Object.keys(malformed.json().error)).toEqual(['code', 'message']);
    expect(await storedEvents(own.id)).toEqual([]);
  });

  it('answers 403 for a disabled connection', async () => {
    const own = await createTestConnection(ctx);
    await disableConnection(ctx.events, own.id);
    // The webhook caches connections briefly; a fresh connection id was never cached.
    const res = await postWebhook(
      app,
      own,
      incomingTextPayload({ from: '385912', to: own.sender, text: 'x' }),
    );
    expect(res.statusCode).toBe(403);
  });
});

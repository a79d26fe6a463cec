import type { ChannelConnection } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { insertTestUser, signedInUser, signIn, type TestSession } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { eventually } from '../infobip/test-support.ts';
import { runSend } from '../outbound.jobs.ts';
import { type FakeTelegram, startFakeTelegram } from './fake-bot-api.ts';
import updates from './fixtures/updates.json' with { type: 'json' };

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeTelegram;
let admin: TestSession;
let supervisor: Actor;
let supervisorSession: TestSession;
let connection: ChannelConnection;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  fake = await startFakeTelegram();
  ({ app, ctx, db } = await buildTestApp({ PUBLIC_URL: 'http://127.0.0.1:1' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  admin = await signedInUser(app, db, ['admin']);
  const user = await insertTestUser(db, ['agent', 'supervisor']);
  supervisor = { kind: 'supervisor', userId: user.id };
  supervisorSession = await signIn(app, user.email);
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

/** The webhook Parley registered points at PUBLIC_URL; the fake must reach the listening test app. */
function reachable(url: string): string {
  const address = app.server.address() as { port: number };
  return url.replace('http://127.0.0.1:1', `http://127.0.0.1:${address.port}`);
}

async function deliver(update: unknown, chatId: number): Promise<number> {
  const body = structuredClone(update) as {
    update_id: number;
    message: { message_id: number; chat: { id: number } };
  };
  body.update_id = Math.floor(Math.random() * 1e9);
  body.message.message_id = Math.floor(Math.random() * 1e9);
  body.message.chat.id = chatId;
  if (!fake.webhook) throw new Error('no webhook');
  fake.webhook.url = reachable(fake.webhook.url);
  return fake.deliver(body);
}

const conversationOf = (chatId: number) =>
  eventually(async () => {
    const { rows } = await db.pool.query<{
      conversation_id: string;
      content: { attachments?: Array<{ id: string }> };
    }>(
      "select conversation_id, content from messages where channel = 'TELEGRAM' and from_address = $1 order by created_at desc",
      [String(chatId)],
    );
    return rows[0];
  }, `a message from chat ${chatId}`);

describe('Telegram', () => {
  it('creates a connection: setWebhook with a secret token, webhook shown once, token stored as last 4', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/channel-connections',
      headers: admin.headers,
      payload: {
        provider: 'telegram',
        channel: 'TELEGRAM',
        name: 'Support bot',
        sender: `@${fake.username}`,
        settings: { botToken: fake.botToken, apiBaseUrl: fake.apiBaseUrl },
      },
    });
    expect(res.statusCode).toBe(201);
    connection = res.json() as ChannelConnection;
    expect(connection).toMatchObject({
      provider: 'telegram',
      testable: true,
      secrets: { botToken: fake.botToken.slice(-4) },
      settings: { apiBaseUrl: fake.apiBaseUrl },
      webhook: {
        url: `http://127.0.0.1:1/webhooks/telegram/${connection.id}`,
        scheme: 'header',
        header: 'X-Telegram-Bot-Api-Secret-Token',
      },
      test: { ok: true },
    });
    expect(fake.webhook?.secretToken).toBe(connection.webhook?.password);
    expect(res.body).not.toContain(fake.botToken);
    await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${connection.id}`,
      headers: admin.headers,
      payload: { sender: fake.username },
    });
  });

  it('tests the connection: getMe must be the sender, and the webhook is registered again', async () => {
    fake.webhook = undefined;
    const res = await app.inject({
      method: 'POST',
      url: `/api/channel-connections/${connection.id}/test`,
      headers: admin.headers,
    });
    expect(res.json()).toMatchObject({ ok: true, message: expect.stringContaining(fake.username) });
    expect(fake.webhook).toMatchObject({ url: expect.stringContaining(connection.id) });
    fake.failNext(1, 401);
    const failed = await app.inject({
      method: 'POST',
      url: `/api/channel-connections/${connection.id}/test`,
      headers: admin.headers,
    });
    expect(failed.json()).toMatchObject({ ok: false, message: expect.stringContaining('Telegram') });
  });

  it('refuses webhook calls without the secret (401), on a disabled connection (403), and bodies that are no update (400)', async () => {
    const url = `/webhooks/telegram/${connection.id}`;
    const secret = fake.webhook?.secretToken ?? '';
    const post = (headers: Record<string, string>, payload: unknown) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(payload),
      });
    expect((await post({}, updates.text)).statusCode).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' }, updates.text)).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/webhooks/telegram/not-a-connection', payload: {} }))
        .statusCode,
    ).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': secret }, { hello: 1 })).statusCode).toBe(400);
  });

  it('turns an update into a conversation; the agent reply reaches the fake with sendMessage to the chat', async () => {
    const chatId = 7000000 + Math.floor(Math.random() * 1e5);
    expect(await deliver(updates.text, chatId)).toBe(200);
    const { conversation_id: conversationId } = await conversationOf(chatId);
    const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
      contentType: 'TEXT',
      content: { text: 'We are on it' },
    });
    const sent = await eventually(
      async () => fake.calls.find((c) => c.params.text === 'We are on it'),
      'the send',
    );
    expect(sent).toMatchObject({ method: 'sendMessage', params: { chat_id: String(chatId) } });
    await eventually(async () => {
      const { rows } = await db.pool.query(
        'select delivery_state, provider_message_id from messages where id = $1',
        [message.id],
      );
      return rows[0]?.delivery_state === 'SENT' ? rows[0] : undefined;
    }, 'SENT');
  });

  it('stores a customer photo (getFile + download) and lets agents who see the conversation download it', async () => {
    const chatId = 7100000 + Math.floor(Math.random() * 1e5);
    const photo = structuredClone(updates.photo);
    const largest = photo.message.photo[1] as { file_id: string; file_unique_id: string };
    largest.file_id = fake.addFile(PNG, `photos/${crypto.randomUUID()}.png`);
    largest.file_unique_id = crypto.randomUUID();
    expect(await deliver(photo, chatId)).toBe(200);
    const { content } = await eventually(async () => {
      const row = await conversationOf(chatId);
      return row.content.attachments ? row : undefined;
    }, 'the stored photo');
    const attachment = content.attachments?.[0];
    const download = await app.inject({
      method: 'GET',
      url: `/api/attachments/${attachment?.id}`,
      headers: supervisorSession.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('uploads an agent image with sendPhoto, retrying a 500 and sending it exactly once', async () => {
    const chatId = 7200000 + Math.floor(Math.random() * 1e5);
    await deliver(updates.text, chatId);
    const { conversation_id: conversationId } = await conversationOf(chatId);
    const upload = await app.inject({
      method: 'POST',
      url: '/api/attachments?fileName=box.png',
      headers: { ...supervisorSession.headers, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(upload.statusCode).toBe(201);
    const ref = upload.json();
    fake.failNext(1, 500);
    const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
      contentType: 'IMAGE',
      content: {
        caption: 'Your box',
        attachments: [{ id: ref.id, fileName: ref.fileName, mimeType: ref.mimeType, size: ref.size }],
      },
    });
    const state = await eventually(async () => {
      const { rows } = await db.pool.query('select delivery_state from messages where id = $1', [message.id]);
      return rows[0]?.delivery_state === 'SENT' ? 'SENT' : undefined;
    }, 'SENT after the retry');
    expect(state).toBe('SENT');
    const photos = fake.calls.filter((c) => c.method === 'sendPhoto' && c.params.chat_id === String(chatId));
    expect(photos).toHaveLength(1);
    expect(photos[0]?.files.photo?.bytes.equals(PNG)).toBe(true);
    // A duplicate job for a message already sent sends nothing.
    await runSend(ctx, { messageId: message.id });
    expect(
      fake.calls.filter((c) => c.method === 'sendPhoto' && c.params.chat_id === String(chatId)),
    ).toHaveLength(1);
  });
});

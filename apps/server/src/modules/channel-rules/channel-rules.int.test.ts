import type { TimelineMessage } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { type FakeInfobip, startFakeInfobip } from '../../channels/infobip/fake-provider.ts';
import { referenceViolations } from '../../channels/infobip/reference-schema.ts';
import { registryTemplate } from '../../channels/infobip/simulated-registry.ts';
import { syncWhatsAppTemplates } from '../../channels/infobip/template-sync.ts';
import {
  createTestConnection,
  eventually,
  type TestConnection,
} from '../../channels/infobip/test-support.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';
import { customerWrote } from './test-support.ts';

// D7 channel rules through `POST /api/conversations/:id/messages`, against the fake Infobip.

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let whatsapp: TestConnection;
let messenger: TestConnection;
let instagram: TestConnection;
let apple: TestConnection;
let line: TestConnection;
let supervisor: TestSession;
let templateIds: Record<string, string>;

/** A 1×1 PNG: the attachment store checks that a file's bytes are what it claims. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const ORDER_UPDATE = registryTemplate({
  id: '501',
  name: 'order_update',
  language: 'en',
  category: 'UTILITY',
  structure: {
    header: { format: 'TEXT', text: 'Order {{1}}' },
    body: { text: 'Hi {{1}}, your order {{2}} has shipped.' },
    footer: { text: 'Parley Shop' },
    buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' }],
    type: 'TEXT',
  },
});

beforeAll(async () => {
  fake = await startFakeInfobip();
  // Media goes out only with a public address the provider can fetch from (the adapter refuses it otherwise).
  ({ app, ctx, db } = await buildTestApp({ PUBLIC_URL: 'https://desk.example.test/' }));
  const account = { baseUrl: fake.baseUrl, apiKey: fake.apiKey };
  whatsapp = await createTestConnection(ctx, account);
  messenger = await createTestConnection(ctx, { ...account, channel: 'FACEBOOK_MESSENGER' });
  instagram = await createTestConnection(ctx, { ...account, channel: 'INSTAGRAM_MESSAGING' });
  apple = await createTestConnection(ctx, { ...account, channel: 'APPLE_BUSINESS_CHAT' });
  line = await createTestConnection(ctx, { ...account, channel: 'LINE' });
  fake.setTemplates(whatsapp.sender, [
    ORDER_UPDATE,
    registryTemplate({ id: '502', name: 'spring_offer', status: 'PENDING' }),
  ]);
  await syncWhatsAppTemplates(ctx, whatsapp.id);
  const rows = await db.pool.query<{ id: string; name: string }>('select id, name from whatsapp_templates');
  templateIds = Object.fromEntries(rows.rows.map((r) => [r.name, r.id]));
  supervisor = await signedInUser(app, db, ['supervisor', 'agent']);
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

function send(
  conversationId: string,
  body: Record<string, unknown>,
  session: TestSession | null = supervisor,
) {
  return app.inject({
    method: 'POST',
    url: `/api/conversations/${conversationId}/messages`,
    headers: session?.headers ?? {},
    payload: { clientId: crypto.randomUUID(), ...body },
  });
}

const sentBodyOf = (messageId: string) =>
  eventually(
    async () => fake.received.find((s) => s.messageIds.includes(messageId))?.body.messages[0],
    `the send of ${messageId}`,
  );

const messageCount = async (conversationId: string) =>
  (await db.pool.query('select 1 from messages where conversation_id = $1', [conversationId])).rowCount;

describe('WhatsApp 24-hour window (D7)', () => {
  it('accepts free text within 24 hours of the customer’s last message', async () => {
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 23 });
    expect((await send(conversationId, { text: 'On it!' })).statusCode).toBe(201);
  });

  it('refuses free text 24 hours after, by the provider’s time, and stores nothing', async () => {
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 25 });
    const res = await send(conversationId, { text: 'Still there?' });
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'whatsapp_window_closed']);
    expect(res.json().error.message).toMatch(/approved template/);
    expect(await messageCount(conversationId)).toBe(1);
  });

  it('refuses free text as the first message of a conversation an agent starts', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/conversations',
      headers: supervisor.headers,
      payload: {
        newCustomer: { name: 'First Contact', channel: 'WHATSAPP', address: '385990000123' },
        channel: 'WHATSAPP',
        ourAddress: whatsapp.sender,
        customerAddress: '385990000123',
        text: 'Hello from the shop',
      },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'whatsapp_window_closed']);
    const made = await db.pool.query('select 1 from customers where name = $1', ['First Contact']);
    expect(made.rowCount).toBe(0);
  });

  it('sends an approved template with the filled placeholders, stored as the customer reads it', async () => {
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 30 });
    const parameters = { 'header.1': 'A-42', 'body.1': 'Ana', 'body.2': 'A-42', 'button.0': 'A-42' };
    const res = await send(conversationId, { template: { id: templateIds.order_update, parameters } });
    expect(res.statusCode).toBe(201);
    const item = res.json() as TimelineMessage;
    expect(item).toMatchObject({
      contentType: 'TEMPLATE',
      content: {
        templateName: 'order_update',
        language: 'en',
        text: 'Hi Ana, your order A-42 has shipped.',
        placeholders: ['Ana', 'A-42'],
        template: {
          header: { format: 'TEXT', text: 'Order A-42', parameter: 'A-42' },
          footer: 'Parley Shop',
          buttons: [{ type: 'URL', text: 'Track', parameter: 'A-42' }],
        },
      },
    });
    const sent = await sentBodyOf(item.id);
    expect(sent).toMatchObject({
      channel: 'WHATSAPP',
      template: { templateName: 'order_update', language: 'en' },
      content: {
        header: { type: 'TEXT', 1: 'A-42' },
        body: { type: 'TEXT', 1: 'Ana', 2: 'A-42' },
        buttons: [{ type: 'OPEN_URL', suffix: 'A-42' }],
      },
    });
    expect(referenceViolations('MessagesApiRequest', { messages: [sent] })).toEqual([]);
  });

  it.each([
    [
      'a template not approved',
      () => ({ id: templateIds.spring_offer, parameters: { 'body.1': 'x' } }),
      422,
      'whatsapp_template_not_approved',
    ],
    [
      'a missing placeholder',
      () => ({ id: templateIds.order_update, parameters: { 'body.1': 'Ana' } }),
      400,
      'validation_failed',
    ],
    ['an unknown template', () => ({ id: crypto.randomUUID(), parameters: {} }), 404, 'not_found'],
  ])('refuses %s', async (_case, template, status, code) => {
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 30 });
    const res = await send(conversationId, { template: template() });
    expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    expect(await messageCount(conversationId)).toBe(1);
  });
});

describe('Messenger message tags (D7)', () => {
  it('needs a tag for free text after 24 hours', async () => {
    const { conversationId } = await customerWrote(app, db, messenger, { hoursAgo: 26 });
    const res = await send(conversationId, { text: 'Your order shipped' });
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'messenger_tag_required']);
  });

  it('stores the chosen tag with the message and sends it in the body', async () => {
    const { conversationId } = await customerWrote(app, db, messenger, { hoursAgo: 26 });
    const res = await send(conversationId, {
      text: 'Your order shipped',
      messengerTag: 'POST_PURCHASE_UPDATE',
    });
    expect(res.statusCode).toBe(201);
    const item = res.json() as TimelineMessage;
    expect(item.content).toEqual({ text: 'Your order shipped', messengerTag: 'POST_PURCHASE_UPDATE' });
    const sent = await sentBodyOf(item.id);
    expect(sent).toMatchObject({
      channel: 'MESSENGER',
      content: { body: { type: 'TEXT', text: 'Your order shipped', tag: 'POST_PURCHASE_UPDATE' } },
    });
    expect(referenceViolations('MessagesApiRequest', { messages: [sent] })).toEqual([]);
  });

  it('needs no tag within 24 hours, and refuses a tag on another channel', async () => {
    const { conversationId } = await customerWrote(app, db, messenger, { hoursAgo: 1 });
    expect((await send(conversationId, { text: 'Sure' })).statusCode).toBe(201);
    const onWhatsApp = await customerWrote(app, db, whatsapp, { hoursAgo: 1 });
    const res = await send(onWhatsApp.conversationId, { text: 'Hi', messengerTag: 'ACCOUNT_UPDATE' });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'validation_failed']);
  });
});

describe('Instagram and Apple Messages: customer-initiated channels (D7)', () => {
  it('replies on Instagram within 24 hours, sent as INSTAGRAM_DM, and refuses anything after', async () => {
    const open = await customerWrote(app, db, instagram, { hoursAgo: 23 });
    const res = await send(open.conversationId, { text: 'Thanks for the DM!' });
    expect(res.statusCode).toBe(201);
    const sent = await sentBodyOf((res.json() as TimelineMessage).id);
    expect(sent).toMatchObject({ channel: 'INSTAGRAM_DM', sender: instagram.sender });
    expect(referenceViolations('MessagesApiRequest', { messages: [sent] })).toEqual([]);

    const late = await customerWrote(app, db, instagram, { hoursAgo: 25 });
    const refused = await send(late.conversationId, { text: 'Still there?' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'instagram_window_closed']);
    expect(refused.json().error.message).toMatch(/within 24 hours/);
    // No message tag or template opens it again.
    const tagged = await send(late.conversationId, { text: 'Hi', messengerTag: 'ACCOUNT_UPDATE' });
    expect(tagged.statusCode).toBe(400);
    expect(await messageCount(late.conversationId)).toBe(1);
  });

  it('refuses an agent starting a conversation on Instagram or Apple Messages, creating nothing', async () => {
    for (const [channel, connection, address] of [
      ['INSTAGRAM_MESSAGING', instagram, '768938852147373'],
      ['APPLE_BUSINESS_CHAT', apple, 'urn:mbid:AQAAY6xHR8jJXQr78AG+hTy/xz8H'],
    ] as const) {
      const name = `Cold ${channel}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/conversations',
        headers: supervisor.headers,
        payload: {
          newCustomer: { name, channel, address },
          channel,
          ourAddress: connection.sender,
          customerAddress: address,
          text: 'Hello from the shop',
        },
      });
      expect([res.statusCode, res.json().error.code], channel).toEqual([422, 'customer_must_write_first']);
      const made = await db.pool.query('select 1 from customers where name = $1', [name]);
      expect(made.rowCount).toBe(0);
    }
  });

  it('replies on Apple Messages however long ago the customer wrote, sent as APPLE_MB', async () => {
    const { conversationId } = await customerWrote(app, db, apple, {
      from: `urn:mbid:AQAA${crypto.randomUUID()}`,
      hoursAgo: 24 * 9,
    });
    const res = await send(conversationId, { text: 'Your repair is ready' });
    expect(res.statusCode).toBe(201);
    const sent = await sentBodyOf((res.json() as TimelineMessage).id);
    expect(sent).toMatchObject({ channel: 'APPLE_MB', content: { body: { type: 'TEXT' } } });
    expect(referenceViolations('MessagesApiRequest', { messages: [sent] })).toEqual([]);
  });

  it('has no window on LINE, and refuses a template there (LINE has none)', async () => {
    const { conversationId } = await customerWrote(app, db, line, { from: 'U4af4980629', hoursAgo: 72 });
    const res = await send(conversationId, { text: 'Here you go' });
    expect(res.statusCode).toBe(201);
    expect(await sentBodyOf((res.json() as TimelineMessage).id)).toMatchObject({ channel: 'LINE_ON' });
    const template = await send(conversationId, {
      template: { id: templateIds.order_update, parameters: {} },
    });
    expect([template.statusCode, template.json().error.code]).toEqual([400, 'validation_failed']);
  });
});

describe('POST /api/conversations/:id/messages with a file or a template', () => {
  it('sends an uploaded file, its text as the caption, fetched by the provider from a signed URL', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/attachments?fileName=receipt.png',
      headers: { ...supervisor.headers, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(upload.statusCode).toBe(201);
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 2 });
    const res = await send(conversationId, { attachmentId: upload.json().id, text: 'Your receipt' });
    expect(res.statusCode).toBe(201);
    const item = res.json() as TimelineMessage;
    expect(item).toMatchObject({
      contentType: 'IMAGE',
      content: { caption: 'Your receipt', attachments: [{ id: upload.json().id, fileName: 'receipt.png' }] },
    });
    const sent = (await sentBodyOf(item.id)) as { content: { body: Record<string, string> } };
    expect(sent.content.body).toMatchObject({ type: 'IMAGE', text: 'Your receipt' });
    expect(sent.content.body.url).toMatch(/\/attachments\/public\/.+signature=/);
  });

  it('refuses a file the agent may not open (404) and a request with both a template and text (400)', async () => {
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 2 });
    const unknown = await send(conversationId, { attachmentId: crypto.randomUUID() });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'not_found']);
    const both = await send(conversationId, { text: 'x', template: { id: templateIds.order_update } });
    expect(both.statusCode).toBe(400);
  });

  it('answers 401 without a session and 403 to a user who is no agent', async () => {
    const { conversationId } = await customerWrote(app, db, whatsapp, { hoursAgo: 2 });
    expect((await send(conversationId, { text: 'x' }, null)).statusCode).toBe(401);
    const admin = await signedInUser(app, db, ['admin']);
    expect((await send(conversationId, { text: 'x' }, admin)).statusCode).toBe(403);
  });
});

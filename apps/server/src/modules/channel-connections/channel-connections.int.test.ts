import type { ChannelConnection } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { type FakeInfobip, startFakeInfobip } from '../../channels/infobip/fake-provider.ts';
import { createWidget } from '../../channels/livechat/test-support.ts';
import { hashWebhookSecret } from '../../channels/webhook-secret.ts';
import type { Db } from '../../platform/db/client.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let db: Db;
let admin: TestSession;
let agent: TestSession;
// Every create and settings change runs the provider's check: Infobip's is answered by local fakes.
let fake: FakeInfobip;
let otherAccount: FakeInfobip;
const API_KEY = 'secret-api-key-1234abcd';

beforeAll(async () => {
  fake = await startFakeInfobip({ apiKey: API_KEY });
  otherAccount = await startFakeInfobip({ apiKey: 'another-key-zzzz9876' });
  ({ app, db } = await buildTestApp({ PUBLIC_URL: 'https://desk.example.test/' }));
  admin = await signedInUser(app, db, ['admin']);
  agent = await signedInUser(app, db, ['agent', 'supervisor']);
});
afterAll(async () => {
  await app.close();
  await fake.close();
  await otherAccount.close();
});

const input = (sender: string) => ({
  provider: 'infobip',
  channel: 'WHATSAPP',
  name: 'WhatsApp support',
  sender,
  settings: { baseUrl: `${fake.baseUrl}/`, apiKey: API_KEY },
});
const settings = (patch: Record<string, string>) => ({ settings: { ...input('').settings, ...patch } });

async function create(sender: string): Promise<ChannelConnection> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/channel-connections',
    headers: admin.headers,
    payload: input(sender),
  });
  expect(res.statusCode).toBe(201);
  return res.json() as ChannelConnection;
}

describe('channel connections', () => {
  it('refuses anonymous callers (401) and non-admins (403)', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/channel-connections' });
    expect(anonymous.statusCode).toBe(401);
    const asAgent = await app.inject({
      method: 'GET',
      url: '/api/channel-connections',
      headers: agent.headers,
    });
    expect(asAgent.statusCode).toBe(403);
    const create = await app.inject({
      method: 'POST',
      url: '/api/channel-connections',
      headers: agent.headers,
      payload: input('441000'),
    });
    expect(create.statusCode).toBe(403);
  });

  it('rejects invalid bodies with 400', async () => {
    for (const payload of [
      { ...input('441001'), channel: 'EMAIL' },
      { ...input('441001'), ...settings({ baseUrl: 'not a url' }) },
      { ...input('441001'), ...settings({ apiKey: 'short' }) },
      { ...input('441001'), sender: '' },
      { ...input('441001'), provider: 'carrier-pigeon' },
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/channel-connections',
        headers: admin.headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('creates a connection: key shown by its last 4, webhook URL and Basic credentials to configure', async () => {
    const created = await create('441002');
    expect(created).toMatchObject({
      channel: 'WHATSAPP',
      provider: 'infobip',
      sender: '441002',
      settings: { baseUrl: fake.baseUrl },
      secrets: { apiKey: 'abcd' },
      enabled: true,
      testable: true,
      test: { ok: true, message: expect.stringMatching(/accepts this API key/) },
      webhook: {
        url: 'https://desk.example.test/webhooks/infobip/messages',
        scheme: 'basic',
        username: created.id,
      },
    });
    const secret = created.webhook?.password ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const list = await app.inject({ method: 'GET', url: '/api/channel-connections', headers: admin.headers });
    expect(list.body).not.toContain('secret-api-key');
    expect((list.json().items as ChannelConnection[]).map((c) => c.id)).toContain(created.id);
  });

  it('shows the webhook secret only when it is made, and stores only its hash', async () => {
    const created = await create('441006');
    const secret = created.webhook?.password ?? '';
    const reads = [
      await app.inject({ method: 'GET', url: '/api/channel-connections', headers: admin.headers }),
      await app.inject({
        method: 'GET',
        url: `/api/channel-connections/${created.id}`,
        headers: admin.headers,
      }),
      await app.inject({
        method: 'PATCH',
        url: `/api/channel-connections/${created.id}`,
        headers: admin.headers,
        payload: { name: 'Renamed' },
      }),
    ];
    for (const res of reads) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain('"password"');
    }
    const { rows } = await db.pool.query(
      `select webhook_secret_hash, encode(sha256(convert_to($2, 'UTF8')), 'hex') as expected
       from channel_connections where id = $1`,
      [created.id, secret],
    );
    // The migration hashes existing secrets with the same SQL expression.
    expect(rows[0].webhook_secret_hash).toBe(hashWebhookSecret(secret));
    expect(rows[0].webhook_secret_hash).toBe(rows[0].expected);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('refuses a second enabled connection for the same channel and sender (409)', async () => {
    await create('441003');
    const res = await app.inject({
      method: 'POST',
      url: '/api/channel-connections',
      headers: admin.headers,
      payload: input('441003'),
    });
    expect(res.statusCode).toBe(409);
  });

  it('updates settings, replaces the key, rotates the webhook secret', async () => {
    const created = await create('441004');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
      payload: {
        name: 'Renamed',
        ...settings({ apiKey: 'another-key-zzzz9876' }),
        rotateWebhookSecret: true,
      },
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json() as ChannelConnection;
    expect(updated).toMatchObject({ name: 'Renamed', secrets: { apiKey: '9876' } });
    expect(updated.webhook?.password).toEqual(expect.any(String));
    expect(updated.webhook?.password).not.toBe(created.webhook?.password);
    const missing = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${crypto.randomUUID()}`,
      headers: admin.headers,
      payload: { name: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps a stored secret the settings update leaves out, and checks settings against the provider', async () => {
    const created = await create('441009');
    const same = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
      payload: { settings: { baseUrl: `${fake.baseUrl}/` } },
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ secrets: { apiKey: 'abcd' } });
    const { rows } = await db.pool.query('select settings from channel_connections where id = $1', [
      created.id,
    ]);
    expect(rows[0].settings).toEqual({ baseUrl: fake.baseUrl, apiKey: API_KEY });
    const invalid = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
      payload: { settings: { baseUrl: 'ftp://nope', apiKey: API_KEY } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('validation_failed');
  });

  it('requires the API key again when the address it is sent to changes (400 secrets_required)', async () => {
    const created = await create('441011');
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
      payload: { settings: { baseUrl: otherAccount.baseUrl } },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({ code: 'secrets_required', details: { fields: ['apiKey'] } });
    const { rows } = await db.pool.query('select settings from channel_connections where id = $1', [
      created.id,
    ]);
    expect(rows[0].settings.baseUrl).toBe(fake.baseUrl);
    const withKey = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
      payload: { settings: { baseUrl: otherAccount.baseUrl, apiKey: 'another-key-zzzz9876' } },
    });
    expect(withKey.statusCode).toBe(200);
    expect(withKey.json()).toMatchObject({
      settings: { baseUrl: otherAccount.baseUrl },
      secrets: { apiKey: '9876' },
      test: { ok: true },
    });
  });

  it('tests an Infobip connection with the validate call: nothing is sent, a refused key is said', async () => {
    const created = await create('441010');
    const test = (id: string, headers = admin.headers) =>
      app.inject({ method: 'POST', url: `/api/channel-connections/${id}/test`, headers });
    const sendsBefore = fake.received.length;
    const passed = await test(created.id);
    expect(passed.statusCode).toBe(200);
    expect(passed.json()).toMatchObject({ ok: true, checkedAt: expect.any(String) });
    expect(fake.validated.at(-1)).toMatchObject({
      messages: [{ channel: 'WHATSAPP', sender: '441010', content: { body: { type: 'TEXT' } } }],
    });
    expect(fake.received.length).toBe(sendsBefore);

    // The other account does not know this key: the check fails, the connection stays as it was.
    await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
      payload: { settings: { baseUrl: otherAccount.baseUrl, apiKey: 'a-key-it-does-not-know' } },
    });
    const refused = (await test(created.id)).json();
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/authentication credentials/),
    });
  });

  it('answers 409 to a test of a provider without one, 404 for an unknown connection, 403 for agents', async () => {
    const { connectionId } = await createWidget(app, admin);
    const test = (id: string, headers = admin.headers) =>
      app.inject({ method: 'POST', url: `/api/channel-connections/${id}/test`, headers });
    expect((await test(connectionId)).statusCode).toBe(409);
    expect((await test(crypto.randomUUID())).statusCode).toBe(404);
    expect((await test(connectionId, agent.headers)).statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: `/api/channel-connections/${connectionId}/test` })).statusCode,
    ).toBe(401);
    const widget = await app.inject({
      method: 'GET',
      url: `/api/channel-connections/${connectionId}`,
      headers: admin.headers,
    });
    expect(widget.json()).toMatchObject({ testable: false });
  });

  it('DELETE disables the connection and frees its sender', async () => {
    const created = await create('441005');
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
    const get = await app.inject({
      method: 'GET',
      url: `/api/channel-connections/${created.id}`,
      headers: admin.headers,
    });
    expect(get.json().enabled).toBe(false);
    await create('441005');
  });

  describe('GET /api/channel-connections/senders', () => {
    it('refuses anonymous callers (401) and users without the agent role (403)', async () => {
      const anonymous = await app.inject({ method: 'GET', url: '/api/channel-connections/senders' });
      expect(anonymous.statusCode).toBe(401);
      const asAdminOnly = await app.inject({
        method: 'GET',
        url: '/api/channel-connections/senders',
        headers: admin.headers,
      });
      expect(asAdminOnly.statusCode).toBe(403);
    });

    it('lists the channel, sender and name of enabled connections to agents, and nothing secret', async () => {
      const enabled = await create('441007');
      const disabled = await create('441008');
      await app.inject({
        method: 'DELETE',
        url: `/api/channel-connections/${disabled.id}`,
        headers: admin.headers,
      });
      const plainAgent = await signedInUser(app, db, ['agent']);
      const res = await app.inject({
        method: 'GET',
        url: '/api/channel-connections/senders',
        headers: plainAgent.headers,
      });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items).toContainEqual({ channel: 'WHATSAPP', sender: '441007', name: enabled.name });
      expect(items.map((i) => i.sender)).not.toContain('441008');
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['channel', 'name', 'sender']);
      expect(res.body).not.toContain('secret-api-key');
      expect(res.body).not.toContain(fake.baseUrl);
    });

    it('is not mistaken for a connection id (400 for a bad id stays on /:id)', async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/channel-connections/not-an-id',
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(400);
    });
  });
});

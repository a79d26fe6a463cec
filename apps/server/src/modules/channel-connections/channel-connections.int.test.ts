import type { ChannelConnection } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { hashWebhookSecret } from '../../channels/infobip/verify.ts';
import type { Db } from '../../platform/db/client.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let db: Db;
let admin: TestSession;
let agent: TestSession;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ PUBLIC_URL: 'https://desk.example.test/' }));
  admin = await signedInUser(app, db, ['admin']);
  agent = await signedInUser(app, db, ['agent', 'supervisor']);
});
afterAll(async () => {
  await app.close();
});

const input = (sender: string) => ({
  channel: 'WHATSAPP',
  name: 'WhatsApp support',
  sender,
  baseUrl: 'https://xyz.api.infobip.com/',
  apiKey: 'secret-api-key-1234abcd',
});

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
      { ...input('441001'), baseUrl: 'not a url' },
      { ...input('441001'), apiKey: 'short' },
      { ...input('441001'), sender: '' },
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
      baseUrl: 'https://xyz.api.infobip.com',
      apiKeyLast4: 'abcd',
      enabled: true,
      webhook: {
        url: 'https://desk.example.test/webhooks/infobip/messages',
        scheme: 'basic',
        username: created.id,
      },
    });
    const secret = created.webhook.password ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const list = await app.inject({ method: 'GET', url: '/api/channel-connections', headers: admin.headers });
    expect(list.body).not.toContain('secret-api-key');
    expect((list.json().items as ChannelConnection[]).map((c) => c.id)).toContain(created.id);
  });

  it('shows the webhook secret only when it is made, and stores only its hash', async () => {
    const created = await create('441006');
    const secret = created.webhook.password ?? '';
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
      payload: { name: 'Renamed', apiKey: 'another-key-zzzz9876', rotateWebhookSecret: true },
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json() as ChannelConnection;
    expect(updated).toMatchObject({ name: 'Renamed', apiKeyLast4: '9876' });
    expect(updated.webhook.password).toEqual(expect.any(String));
    expect(updated.webhook.password).not.toBe(created.webhook.password);
    const missing = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${crypto.randomUUID()}`,
      headers: admin.headers,
      payload: { name: 'x' },
    });
    expect(missing.statusCode).toBe(404);
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
      expect(res.body).not.toContain('xyz.api.infobip.com');
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

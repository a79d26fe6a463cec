import type { Bot, CreatedBot } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let db: Db;
let supervisor: TestSession;
let agent: TestSession;
let admin: TestSession;
let apiKey: { authorization: string };

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  supervisor = await signedInUser(app, db, ['agent', 'supervisor']);
  agent = await signedInUser(app, db, ['agent']);
  admin = await signedInUser(app, db, ['admin']);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'bots test', null)).key}` };
});
afterAll(() => app.close());

const someId = '00000000-0000-4000-8000-000000000000';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const keywordBot = {
  name: 'Helper',
  kind: 'KEYWORD',
  keywordRules: [{ keywords: ['hours'], reply: 'Open 8–16' }],
};

describe('bot routes access', () => {
  const supervisorOnly = [
    { method: 'POST', url: '/api/bots', payload: keywordBot },
    { method: 'PUT', url: `/api/bots/${someId}`, payload: keywordBot },
    { method: 'DELETE', url: `/api/bots/${someId}` },
  ] as const;
  for (const route of supervisorOnly) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for agents and API keys`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      expect((await app.inject({ method: route.method, url: route.url, payload })).statusCode).toBe(401);
      for (const headers of [agent.headers, apiKey]) {
        expect(
          (await app.inject({ method: route.method, url: route.url, payload, headers })).statusCode,
        ).toBe(403);
      }
    });
  }

  for (const url of ['/api/bots', '/api/bots/sessions']) {
    it(`GET ${url}: 401 anonymous, 403 without the agent role`, async () => {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url, headers: admin.headers })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url, headers: agent.headers })).statusCode).toBe(200);
    });
  }

  it('answers 400 to bad bodies and ids, 404 to unknown bots', async () => {
    const bad = [
      { method: 'POST', url: '/api/bots', payload: { name: 'Ext', kind: 'WEBHOOK' } },
      {
        method: 'POST',
        url: '/api/bots',
        payload: { name: 'Ext', kind: 'WEBHOOK', webhookUrl: 'ftp://x.test' },
      },
      { method: 'POST', url: '/api/bots', payload: { name: 'Kw', kind: 'KEYWORD' } },
      { method: 'POST', url: '/api/bots', payload: { ...keywordBot, sessionTimeoutSeconds: 5 } },
      { method: 'PUT', url: '/api/bots/nope', payload: keywordBot },
      { method: 'GET', url: '/api/bots/sessions?botId=nope' },
    ] as const;
    for (const route of bad) {
      const res = await app.inject({ ...route, headers: supervisor.headers });
      expect(res.statusCode, route.url).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
    }
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await app.inject({
        method,
        url: `/api/bots/${someId}`,
        headers: supervisor.headers,
        ...(method === 'PUT' && { payload: keywordBot }),
      });
      expect(res.statusCode, method).toBe(404);
    }
  });
});

describe('bot routes', () => {
  it('creates (with a secret for webhook bots), lists, updates and deletes', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: supervisor.headers,
      payload: {
        name: 'External',
        kind: 'WEBHOOK',
        webhookUrl: 'https://bots.example.test/hook',
        channel: 'SMS',
        destination: '44555',
      },
    });
    expect(created.statusCode).toBe(201);
    const { bot, signingSecret } = created.json<CreatedBot>();
    expect(signingSecret).toMatch(/^[\w-]{40,}$/);
    expect(bot).toMatchObject({
      kind: 'WEBHOOK',
      enabled: true,
      sessionTimeoutSeconds: 86400,
      activeConversations: 0,
    });
    const kw = await app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: supervisor.headers,
      payload: keywordBot,
    });
    expect(kw.json<CreatedBot>()).toMatchObject({
      signingSecret: null,
      bot: { keywordRules: keywordBot.keywordRules },
    });

    const list = await app.inject({ method: 'GET', url: '/api/bots', headers: agent.headers });
    expect(list.json<{ items: Bot[] }>().items.map((b) => b.name)).toEqual(['External', 'Helper']);

    const updated = await app.inject({
      method: 'PUT',
      url: `/api/bots/${bot.id}`,
      headers: supervisor.headers,
      payload: {
        name: 'External 2',
        kind: 'WEBHOOK',
        webhookUrl: 'https://bots.example.test/v2',
        enabled: false,
      },
    });
    expect(updated.json<Bot>()).toMatchObject({
      name: 'External 2',
      enabled: false,
      webhookUrl: 'https://bots.example.test/v2',
    });

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/bots/${bot.id}`,
      headers: supervisor.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: `/api/bots/${bot.id}`, headers: agent.headers })).statusCode,
    ).toBe(404);
  });
});

import type { Tag } from '@parley/contracts';
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
let apiKey: { authorization: string };

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  supervisor = await signedInUser(app, db, ['supervisor']);
  agent = await signedInUser(app, db, ['agent']);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'tags test', null)).key}` };
});
afterAll(async () => {
  await app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('tag routes access', () => {
  const supervisorRoutes = [
    { method: 'POST', url: '/api/tags', payload: { name: 'vip' } },
    { method: 'PATCH', url: `/api/tags/${someId}`, payload: { name: 'vip' } },
    { method: 'DELETE', url: `/api/tags/${someId}` },
  ] as const;

  for (const route of supervisorRoutes) {
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

  for (const url of ['/api/tags/usage', `/api/tags/${someId}/usage`]) {
    it(`GET ${url}: 401 anonymous, 403 for agents and API keys`, async () => {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      for (const headers of [agent.headers, apiKey]) {
        expect((await app.inject({ method: 'GET', url, headers })).statusCode).toBe(403);
      }
    });
  }

  it('tag usage: 404 for an unknown tag, 400 for a bad id or kind', async () => {
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/tags/${someId}/usage`,
      headers: supervisor.headers,
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'not_found']);
    for (const url of ['/api/tags/x/usage', '/api/tags/usage?kind=people']) {
      const bad = await app.inject({ method: 'GET', url, headers: supervisor.headers });
      expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation_failed']);
    }
  });

  it('GET /api/tags: 401 anonymous, 403 for API keys, 400 for an unknown kind', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/tags' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/tags', headers: apiKey })).statusCode).toBe(403);
    const bad = await app.inject({ method: 'GET', url: '/api/tags?kind=people', headers: agent.headers });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation_failed']);
  });

  it('answers 400 to bad bodies', async () => {
    const bad = [
      { method: 'POST', url: '/api/tags', payload: { name: '' } },
      { method: 'POST', url: '/api/tags', payload: { name: 'x', color: 'red' } },
      { method: 'POST', url: '/api/tags', payload: { name: 'x', kind: 'people' } },
      { method: 'PATCH', url: `/api/tags/${someId}`, payload: {} },
    ] as const;
    for (const route of bad) {
      const res = await app.inject({ ...route, headers: supervisor.headers });
      expect(res.statusCode, JSON.stringify(route.payload)).toBe(400);
    }
  });
});

describe('tag routes', () => {
  it('manages the catalogue; agents read it by kind', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'VIP', color: '#FF0000' },
      headers: supervisor.headers,
    });
    expect(created.statusCode).toBe(201);
    const vip = created.json<Tag>();
    expect(vip).toMatchObject({ name: 'VIP', color: '#ff0000', kind: 'conversation' });
    const template = await app.inject({
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'Onboarding', kind: 'template' },
      headers: supervisor.headers,
    });
    expect(template.json<Tag>().color).toMatch(/^#[0-9a-f]{6}$/);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/tags/${vip.id}`,
      payload: { name: 'Very important' },
      headers: supervisor.headers,
    });
    expect(patched.json<Tag>()).toMatchObject({ id: vip.id, name: 'Very important', color: '#ff0000' });

    const list = await app.inject({ method: 'GET', url: '/api/tags', headers: agent.headers });
    expect(list.json<{ items: Tag[] }>().items.map((t) => t.name)).toEqual(['Very important']);
    const templates = await app.inject({
      method: 'GET',
      url: '/api/tags?kind=template',
      headers: agent.headers,
    });
    expect(templates.json<{ items: Tag[] }>().items.map((t) => t.name)).toEqual(['Onboarding']);

    const del = await app.inject({
      method: 'DELETE',
      url: `/api/tags/${vip.id}`,
      headers: supervisor.headers,
    });
    expect(del.statusCode).toBe(204);
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/tags/${vip.id}`,
      headers: supervisor.headers,
    });
    expect([gone.statusCode, errorCode(gone)]).toEqual([404, 'not_found']);
    // A deleted tag leaves the catalogue and frees its name.
    const after = await app.inject({ method: 'GET', url: '/api/tags', headers: agent.headers });
    expect(after.json<{ items: Tag[] }>().items.map((t) => t.id)).not.toContain(vip.id);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'very important' },
      headers: supervisor.headers,
    });
    expect(reused.statusCode).toBe(201);
  });

  it('refuses a duplicate name (409) and a name over the D11 limit (422 limit_exceeded)', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'Refund' },
      headers: supervisor.headers,
    });
    const dup = await app.inject({
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'refund' },
      headers: supervisor.headers,
    });
    expect([dup.statusCode, errorCode(dup)]).toEqual([409, 'conflict']);
    const long = await app.inject({
      method: 'POST',
      url: '/api/tags',
      payload: { name: 'x'.repeat(101) },
      headers: supervisor.headers,
    });
    expect([long.statusCode, errorCode(long)]).toEqual([422, 'limit_exceeded']);
  });
});

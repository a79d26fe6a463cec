import type { Queue } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { insertTestUser, signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let db: Db;
let supervisor: TestSession;
let agent: TestSession;
let apiKey: { authorization: string };

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  supervisor = await signedInUser(app, db, ['agent', 'supervisor']);
  agent = await signedInUser(app, db, ['agent']);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'queues test', null)).key}` };
});
afterAll(async () => {
  await app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

async function createQueue(name: string): Promise<Queue> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/queues',
    payload: { name },
    headers: supervisor.headers,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('queue routes access', () => {
  const supervisorRoutes = [
    { method: 'POST', url: '/api/queues', payload: { name: 'Q' } },
    { method: 'PATCH', url: `/api/queues/${someId}`, payload: { name: 'Q' } },
    { method: 'DELETE', url: `/api/queues/${someId}` },
    { method: 'PUT', url: `/api/queues/${someId}/members`, payload: { userIds: [] } },
  ] as const;

  for (const route of supervisorRoutes) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for agents and API keys`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      expect((await app.inject({ method: route.method, url: route.url, payload })).statusCode).toBe(401);
      for (const headers of [agent.headers, apiKey]) {
        const res = await app.inject({ method: route.method, url: route.url, payload, headers });
        expect(res.statusCode).toBe(403);
      }
    });
  }

  it('GET /api/queues: 401 anonymous, 403 for API keys', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/queues' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/queues', headers: apiKey })).statusCode).toBe(403);
  });

  it('answers 400 to bad bodies and ids', async () => {
    const bad = [
      { method: 'POST', url: '/api/queues', payload: { name: '  ' } },
      { method: 'POST', url: '/api/queues', payload: { name: 'x'.repeat(101) } },
      { method: 'PATCH', url: '/api/queues/not-a-uuid', payload: { name: 'Q' } },
      { method: 'PUT', url: `/api/queues/${someId}/members`, payload: { userIds: ['nope'] } },
    ] as const;
    for (const route of bad) {
      const res = await app.inject({ ...route, headers: supervisor.headers });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
    }
  });
});

describe('queue routes', () => {
  it('creates, renames, sets members, lists by visibility and deletes', async () => {
    const sales = await createQueue('Sales');
    expect(sales).toMatchObject({ name: 'Sales', isDefault: false, memberIds: [] });
    const support = await createQueue('Support');

    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/queues/${sales.id}`,
      payload: { name: 'Sales EMEA' },
      headers: supervisor.headers,
    });
    expect(renamed.json()).toMatchObject({ id: sales.id, name: 'Sales EMEA' });

    const members = await app.inject({
      method: 'PUT',
      url: `/api/queues/${sales.id}/members`,
      payload: { userIds: [agent.user.id] },
      headers: supervisor.headers,
    });
    expect(members.statusCode).toBe(200);
    expect(members.json<Queue>().memberIds).toEqual([agent.user.id]);

    const all = await app.inject({ method: 'GET', url: '/api/queues', headers: supervisor.headers });
    expect(all.json<{ items: Queue[] }>().items.map((q) => q.name)).toEqual([
      'Default',
      'Sales EMEA',
      'Support',
    ]);
    // D4: an agent sees the Default queue and their own queues only.
    const mine = await app.inject({ method: 'GET', url: '/api/queues', headers: agent.headers });
    expect(mine.json<{ items: Queue[] }>().items.map((q) => q.name)).toEqual(['Default', 'Sales EMEA']);

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/queues/${support.id}`,
      headers: supervisor.headers,
    });
    expect(deleted.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/queues', headers: supervisor.headers });
    expect(after.json<{ items: Queue[] }>().items.map((q) => q.id)).not.toContain(support.id);
  });

  it('refuses duplicate names (409), non-agent members (422), deleting Default (409) and unknown queues (404)', async () => {
    await createQueue('Billing');
    const dup = await app.inject({
      method: 'POST',
      url: '/api/queues',
      payload: { name: 'billing' },
      headers: supervisor.headers,
    });
    expect([dup.statusCode, errorCode(dup)]).toEqual([409, 'conflict']);

    const admin = await insertTestUser(db, ['admin']);
    const billing = (await app.inject({ method: 'GET', url: '/api/queues', headers: supervisor.headers }))
      .json<{ items: Queue[] }>()
      .items.find((q) => q.name === 'Billing');
    const members = await app.inject({
      method: 'PUT',
      url: `/api/queues/${billing?.id}/members`,
      payload: { userIds: [admin.id] },
      headers: supervisor.headers,
    });
    expect([members.statusCode, errorCode(members)]).toEqual([422, 'validation_failed']);

    const list = await app.inject({ method: 'GET', url: '/api/queues', headers: supervisor.headers });
    const defaultQueue = list.json<{ items: Queue[] }>().items.find((q) => q.isDefault);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/queues/${defaultQueue?.id}`,
      headers: supervisor.headers,
    });
    expect([del.statusCode, errorCode(del)]).toEqual([409, 'conflict']);

    const missing = await app.inject({
      method: 'PATCH',
      url: `/api/queues/${someId}`,
      payload: { name: 'X' },
      headers: supervisor.headers,
    });
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'not_found']);
  });
});

import type { Customer, CustomerDetail, Page } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { createConversation } from '../conversations/threading.ts';
import { createQueue } from '../queues/queues.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let agent: TestSession;
let supervisor: TestSession;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  agent = await signedInUser(app, db, ['agent']);
  supervisor = await signedInUser(app, db, ['agent', 'supervisor']);
});
afterAll(async () => {
  await app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

async function create(name: string, destinations: { channel: string; address: string }[] = []) {
  return app.inject({
    method: 'POST',
    url: '/api/customers',
    payload: { name, destinations },
    headers: agent.headers,
  });
}

describe('customer routes access', () => {
  const routes = [
    { method: 'GET', url: '/api/customers' },
    { method: 'GET', url: `/api/customers/${someId}` },
    { method: 'POST', url: '/api/customers', payload: { name: 'Ann' } },
  ] as const;
  for (const route of routes) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for API keys`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      expect((await app.inject({ method: route.method, url: route.url, payload })).statusCode).toBe(401);
      const key = (await createApiKeyRecord(db.orm, 'customers test', null)).key;
      const headers = { authorization: `App ${key}` };
      expect((await app.inject({ method: route.method, url: route.url, payload, headers })).statusCode).toBe(
        403,
      );
    });
  }

  it('answers 400 to bad bodies, ids, queries and cursors', async () => {
    const bad = [
      { method: 'POST', url: '/api/customers', payload: { name: '' } },
      {
        method: 'POST',
        url: '/api/customers',
        payload: { name: 'A', destinations: [{ channel: 'FAX', address: '1' }] },
      },
      { method: 'GET', url: '/api/customers/nope' },
      { method: 'GET', url: '/api/customers?limit=0' },
      { method: 'GET', url: '/api/customers?cursor=garbage' },
      {
        method: 'GET',
        url: `/api/customers?cursor=${Buffer.from(JSON.stringify(['customers:name', 'a\u0000', crypto.randomUUID()])).toString('base64url')}`,
      },
    ] as const;
    for (const route of bad) {
      const res = await app.inject({ ...route, headers: agent.headers });
      expect(res.statusCode, route.url).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
    }
  });
});

describe('customer routes', () => {
  it('creates a profile; an address another profile owns is refused with 409', async () => {
    const res = await create('Ana Horvat', [{ channel: 'SMS', address: '385911000001' }]);
    expect(res.statusCode).toBe(201);
    expect(res.json<Customer>()).toMatchObject({
      name: 'Ana Horvat',
      destinations: [{ channel: 'SMS', address: '385911000001' }],
    });
    const taken = await create('Someone else', [{ channel: 'SMS', address: '385911000001' }]);
    expect([taken.statusCode, errorCode(taken)]).toEqual([409, 'conflict']);
    const search = await app.inject({
      method: 'GET',
      url: '/api/customers?q=someone',
      headers: agent.headers,
    });
    expect(search.json<Page<Customer>>().items).toEqual([]);
  });

  it('searches by name or address in keyset pages by name', async () => {
    const names = ['Pia Page', 'Ivo Page', 'Eva Page', 'Luka Page', 'Ante Page'];
    for (const [i, name] of names.entries())
      await create(name, [{ channel: 'WHATSAPP', address: `4477000${i}` }]);
    const seen: string[] = [];
    let url = '/api/customers?q=page&limit=2';
    for (let pages = 0; pages < 5; pages++) {
      const page = (await app.inject({ method: 'GET', url, headers: agent.headers })).json<Page<Customer>>();
      seen.push(...page.items.map((c) => c.name ?? ''));
      if (!page.nextCursor) break;
      url = `/api/customers?q=page&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual([...names].sort());
    const byAddress = await app.inject({
      method: 'GET',
      url: '/api/customers?q=44770003',
      headers: agent.headers,
    });
    expect(byAddress.json<Page<Customer>>().items.map((c) => c.name)).toEqual(['Luka Page']);
  });

  it('shows the card with the conversations the viewer may see (404 for an unknown id)', async () => {
    const customer = (await create('Card Holder')).json<Customer>();
    const SUPERVISOR = { kind: 'supervisor', userId: supervisor.user.id } as const;
    const hidden = await createQueue(ctx.events, 'Hidden');
    const open = await createConversation(ctx.events, SUPERVISOR, {
      customerId: customer.id,
      topic: 'Visible',
    });
    const secret = await createConversation(ctx.events, SUPERVISOR, {
      customerId: customer.id,
      topic: 'Secret',
      queueId: hidden.id,
    });

    const asAgent = await app.inject({
      method: 'GET',
      url: `/api/customers/${customer.id}`,
      headers: agent.headers,
    });
    expect(asAgent.statusCode).toBe(200);
    expect(asAgent.json<CustomerDetail>().conversations.map((c) => c.id)).toEqual([open.id]);
    const asSupervisor = await app.inject({
      method: 'GET',
      url: `/api/customers/${customer.id}`,
      headers: supervisor.headers,
    });
    expect(asSupervisor.json<CustomerDetail>().conversations.map((c) => c.id)).toEqual([secret.id, open.id]);

    const missing = await app.inject({
      method: 'GET',
      url: `/api/customers/${someId}`,
      headers: agent.headers,
    });
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'not_found']);
  });
});

import type { Tag, Template } from '@parley/contracts';
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
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'templates test', null)).key}` };
});
afterAll(async () => {
  await app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';
const errorOf = (res: { statusCode: number; json(): unknown }) => [
  res.statusCode,
  (res.json() as { error: { code: string } }).error.code,
];

async function createTag(name: string, kind: 'template' | 'conversation' = 'template'): Promise<Tag> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/tags',
    payload: { name, kind },
    headers: supervisor.headers,
  });
  return res.json<Tag>();
}

async function create(payload: object) {
  return app.inject({ method: 'POST', url: '/api/templates', payload, headers: supervisor.headers });
}

async function list(query: string, session = agent) {
  const res = await app.inject({ method: 'GET', url: `/api/templates${query}`, headers: session.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Template[] }>().items;
}

describe('template routes access', () => {
  const managing = [
    { method: 'POST', url: '/api/templates', payload: { name: 'x', text: 'y' } },
    { method: 'PATCH', url: `/api/templates/${someId}`, payload: { name: 'x' } },
    { method: 'DELETE', url: `/api/templates/${someId}` },
  ] as const;

  for (const route of managing) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for agents and API keys`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      expect((await app.inject({ method: route.method, url: route.url, payload })).statusCode).toBe(401);
      for (const headers of [agent.headers, apiKey]) {
        const res = await app.inject({ method: route.method, url: route.url, payload, headers });
        expect(res.statusCode).toBe(403);
      }
    });
  }

  for (const url of ['/api/templates', `/api/templates/${someId}`]) {
    it(`GET ${url}: 401 anonymous, 403 for API keys`, async () => {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url, headers: apiKey })).statusCode).toBe(403);
    });
  }

  it('answers 400 to bad bodies and queries', async () => {
    const bad = [
      { method: 'POST', url: '/api/templates', payload: { name: '', text: 'Hi' } },
      { method: 'POST', url: '/api/templates', payload: { name: 'x', text: '   ' } },
      { method: 'POST', url: '/api/templates', payload: { name: 'x', text: 'y'.repeat(4097) } },
      { method: 'POST', url: '/api/templates', payload: { name: 'x', text: 'Hi', language: 'xx' } },
      { method: 'POST', url: '/api/templates', payload: { name: 'x', text: 'Hi', channel: 'PIGEON' } },
      { method: 'POST', url: '/api/templates', payload: { name: 'x', text: 'Hi', tagIds: ['nope'] } },
      { method: 'POST', url: '/api/templates', payload: { name: 'x', text: 'Hi', tagIds: [someId, someId] } },
      { method: 'PATCH', url: `/api/templates/${someId}`, payload: {} },
      { method: 'PATCH', url: '/api/templates/not-a-uuid', payload: { name: 'x' } },
      { method: 'GET', url: '/api/templates?channel=PIGEON' },
      { method: 'GET', url: '/api/templates?tagId=12' },
      { method: 'GET', url: '/api/templates/not-a-uuid' },
    ] as const;
    for (const route of bad) {
      const res = await app.inject({ ...route, headers: supervisor.headers });
      expect(errorOf(res), `${route.method} ${route.url} ${JSON.stringify(route)}`).toEqual([
        400,
        'validation_failed',
      ]);
    }
  });

  it('names unknown variables in the refusal', async () => {
    const res = await create({ name: 'Hello', text: 'Hi {{customer.first}} and {{1}}' });
    expect(errorOf(res)).toEqual([400, 'validation_failed']);
    const { details } = res.json<{ error: { details: { path: string; message: string }[] } }>().error;
    expect(details).toEqual([
      expect.objectContaining({
        path: '/text',
        message: expect.stringMatching(/^Unknown variables \{\{customer\.first\}\}, \{\{1\}\}\. Use one of/),
      }),
    ]);
  });

  it('answers 404 for unknown templates and unknown, deleted or conversation tags', async () => {
    const url = `/api/templates/${someId}`;
    for (const res of [
      await app.inject({ method: 'GET', url, headers: agent.headers }),
      await app.inject({ method: 'PATCH', url, payload: { name: 'x' }, headers: supervisor.headers }),
      await app.inject({ method: 'DELETE', url, headers: supervisor.headers }),
    ]) {
      expect(errorOf(res)).toEqual([404, 'not_found']);
    }
    const conversationTag = await createTag('not-for-templates', 'conversation');
    const deleted = await createTag('deleted-template-tag');
    await app.inject({ method: 'DELETE', url: `/api/tags/${deleted.id}`, headers: supervisor.headers });
    for (const tagId of [someId, conversationTag.id, deleted.id]) {
      expect(errorOf(await create({ name: `t-${tagId}`, text: 'Hi', tagIds: [tagId] }))).toEqual([
        404,
        'not_found',
      ]);
    }
    expect(await list(`?q=t-`)).toEqual([]);
  });
});

describe('template routes', () => {
  it('supervisors manage templates; agents list, filter and read them', async () => {
    const orders = await createTag('orders');
    const polite = await createTag('polite');
    const created = await create({
      name: 'Order status',
      text: 'Hi {{customer.firstName|there}}, your order is on its way. {{agent.firstName}}',
      language: 'en',
      channel: 'WHATSAPP',
      tagIds: [polite.id, orders.id],
    });
    expect(created.statusCode).toBe(201);
    const order = created.json<Template>();
    expect(order).toMatchObject({
      name: 'Order status',
      language: 'en',
      channel: 'WHATSAPP',
      tags: [
        { id: orders.id, name: 'orders', color: orders.color },
        { id: polite.id, name: 'polite', color: polite.color },
      ],
    });
    const greeting = (
      await create({ name: 'Greeting', text: 'Hello!', tagIds: [polite.id] })
    ).json<Template>();
    const german = (
      await create({ name: 'greeting', text: 'Hallo {{customer.name}}!', language: 'de', channel: 'SMS' })
    ).json<Template>();
    expect(german.channel).toBe('SMS');

    expect((await list('')).map((t) => [t.name, t.language])).toEqual([
      ['greeting', 'de'],
      ['Greeting', 'en'],
      ['Order status', 'en'],
    ]);
    expect((await list('?channel=WHATSAPP')).map((t) => t.id)).toEqual([greeting.id, order.id]);
    expect((await list('?channel=SMS')).map((t) => t.id)).toEqual([german.id, greeting.id]);
    expect((await list(`?tagId=${polite.id}`)).map((t) => t.id)).toEqual([greeting.id, order.id]);
    expect((await list('?language=de')).map((t) => t.id)).toEqual([german.id]);
    expect((await list('?q=ON ITS WAY')).map((t) => t.id)).toEqual([order.id]);
    expect((await list('?q=100%25')).map((t) => t.id)).toEqual([]);

    const fetched = await app.inject({
      method: 'GET',
      url: `/api/templates/${order.id}`,
      headers: agent.headers,
    });
    expect(fetched.json()).toEqual(order);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/templates/${order.id}`,
      payload: {
        text: 'Your order #{{conversation.number}} ships today.',
        channel: null,
        tagIds: [orders.id],
      },
      headers: supervisor.headers,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<Template>()).toMatchObject({
      name: 'Order status',
      channel: null,
      tags: [{ id: orders.id }],
    });
    expect(patched.json<Template>().updatedAt >= order.updatedAt).toBe(true);

    const del = await app.inject({
      method: 'DELETE',
      url: `/api/templates/${greeting.id}`,
      headers: supervisor.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await list('')).map((t) => t.id)).not.toContain(greeting.id);
  });

  it('refuses a duplicate name within a language, ignoring case (409)', async () => {
    expect((await create({ name: 'Refund', text: 'a' })).statusCode).toBe(201);
    expect(errorOf(await create({ name: 'REFUND', text: 'b' }))).toEqual([409, 'conflict']);
    const spanish = await create({ name: 'refund', text: 'c', language: 'es' });
    expect(spanish.statusCode).toBe(201);
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/templates/${spanish.json<Template>().id}`,
      payload: { language: 'en' },
      headers: supervisor.headers,
    });
    expect(errorOf(moved)).toEqual([409, 'conflict']);
    expect(moved.json<{ error: { message: string } }>().error.message).toBe(
      'A template named refund already exists in English',
    );
  });

  it('deleting a template tag takes it off its templates', async () => {
    const seasonal = await createTag('seasonal');
    const template = (
      await create({ name: 'Holiday hours', text: 'We are closed', tagIds: [seasonal.id] })
    ).json<Template>();
    const usage = await app.inject({
      method: 'GET',
      url: `/api/tags/${seasonal.id}/usage`,
      headers: supervisor.headers,
    });
    expect(usage.json()).toEqual({
      tagId: seasonal.id,
      openConversations: 0,
      closedConversations: 0,
      templates: 1,
    });
    await app.inject({ method: 'DELETE', url: `/api/tags/${seasonal.id}`, headers: supervisor.headers });
    const after = await app.inject({
      method: 'GET',
      url: `/api/templates/${template.id}`,
      headers: agent.headers,
    });
    expect(after.json<Template>().tags).toEqual([]);
    expect(after.json<Template>().updatedAt > template.updatedAt).toBe(true);
  });
});

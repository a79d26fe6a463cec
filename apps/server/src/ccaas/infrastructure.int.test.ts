import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyRecord, revokeApiKeyById } from '../modules/users/api-keys.service.ts';
import { signedInUser } from '../modules/users/test-helpers.ts';
import { type CcaasHarness, ccaasHarness, serviceException } from './test-support.ts';

let h: CcaasHarness;
beforeAll(async () => {
  h = await ccaasHarness();
});
afterAll(() => h.app.close());

describe('/ccaas/1 authentication and errors', () => {
  it('answers 401 in the Infobip envelope without a key, with an unknown key or another scheme', async () => {
    for (const authorization of [undefined, 'App nope', 'Bearer abc']) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/ccaas/1/conversations',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(serviceException('UNAUTHORIZED', 'Sign in or send a valid API key'));
    }
  });

  it('refuses a revoked key with 401 and accepts Basic with the key as password', async () => {
    const { key, row } = await createApiKeyRecord(h.db.orm, 'to revoke', null);
    const basic = `Basic ${Buffer.from(`integrator:${key}`).toString('base64')}`;
    const get = (authorization: string) =>
      h.app.inject({ method: 'GET', url: '/ccaas/1/tags', headers: { authorization } });
    expect((await get(basic)).statusCode).toBe(200);
    await revokeApiKeyById(h.ctx.events, row.id);
    const refused = await get(`App ${key}`);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject(serviceException('UNAUTHORIZED'));
  });

  it('answers 403 in the envelope to a signed-in browser session', async () => {
    const session = await signedInUser(h.app, h.db, ['supervisor']);
    const res = await h.app.inject({
      method: 'GET',
      url: '/ccaas/1/conversations',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject(serviceException('FORBIDDEN'));
  });

  it('answers an unknown /ccaas/1 path with 404 NOT_FOUND in the envelope', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/ccaas/1/nothing-here',
      headers: { authorization: h.authorization },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject(serviceException('NOT_FOUND'));
  });

  it('renders body validation failures as 400 BAD_REQUEST with validationErrors per field', async () => {
    const res = await h.call('POST', '/ccaas/1/conversations', '/ccaas/1/conversations', {
      payload: { priority: 'SOMEDAY', topic: 'x'.repeat(1001) },
    });
    expect(res.status).toBe(400);
    expect(res.body.requestError.serviceException).toMatchObject({
      messageId: 'BAD_REQUEST',
      text: 'Bad request',
    });
    expect(Object.keys(res.body.requestError.serviceException.validationErrors).sort()).toEqual([
      'priority',
      'topic',
    ]);
  });

  it('refuses a negative page size with the reference text, and an unknown orderBy field', async () => {
    const negative = await h.call('GET', '/ccaas/1/conversations?limit=-1', '/ccaas/1/conversations');
    expect(negative.status).toBe(400);
    expect(negative.body.requestError.serviceException.validationErrors).toEqual({
      limit: ['Page size has to be bigger or equal to zero!'],
    });
    const order = await h.call('GET', '/ccaas/1/conversations?orderBy=colour:asc', '/ccaas/1/conversations');
    expect(order).toMatchObject({
      status: 400,
      body: serviceException('BAD_REQUEST', "Invalid orderBy field 'colour'"),
    });
  });

  it('refuses pages deeper than MAX_PAGE_OFFSET rows with 400 naming page, on every list', async () => {
    for (const list of ['/ccaas/1/conversations', '/ccaas/1/tags', '/ccaas/1/agents', '/ccaas/1/queues']) {
      const deep = await h.call('GET', `${list}?page=100001&limit=1`, list);
      expect(deep.status, list).toBe(400);
      expect(Object.keys(deep.body.requestError.serviceException.validationErrors)).toEqual(['page']);
      const deepest = await h.call('GET', `${list}?page=10000&limit=10`, list);
      expect(deepest.status, list).toBe(200);
      expect(deepest.body.pagination).toMatchObject({ page: 10000, limit: 10 });
    }
  });

  it('pages with page/limit and states the order applied', async () => {
    const res = await h.call('GET', '/ccaas/1/tags?page=0&limit=1', '/ccaas/1/tags');
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({
      totalItems: expect.any(Number),
      page: 0,
      limit: 1,
      orderBy: 'id:ASC',
    });
    expect(res.body.tags.length).toBeLessThanOrEqual(1);
  });

  it('takes an empty JSON body as no body', async () => {
    const headers = { authorization: h.authorization, 'content-type': 'application/json' };
    const created = await h.app.inject({
      method: 'POST',
      url: '/ccaas/1/conversations',
      headers,
      payload: '',
    });
    expect(created.statusCode, created.body).toBe(200);
    const routed = await h.app.inject({
      method: 'POST',
      url: `/ccaas/1/conversations/${created.json().id}/route`,
      headers,
      payload: '',
    });
    expect(routed.statusCode).toBe(200);
    const broken = await h.app.inject({ method: 'POST', url: '/ccaas/1/tags', headers, payload: '{"name":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject(serviceException('BAD_REQUEST'));
    const missing = await h.call('POST', '/ccaas/1/tags', '/ccaas/1/tags');
    expect(missing).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/ccaas/1/conversations',
        '/ccaas/1/conversations/{conversationId}/messages',
        '/ccaas/1/conversations/{conversationId}/notes/{noteId}',
        '/ccaas/1/conversations/{conversationId}/metadata',
        '/ccaas/1/tags/{tagName}',
      ]),
    );
  });
});

import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/app.ts';
import type { App } from '../app.ts';
import { createAttributeDefinition } from '../modules/customers/customer-attributes.service.ts';
import { createApiKeyRecord } from '../modules/users/api-keys.service.ts';
import { signedInUser } from '../modules/users/test-helpers.ts';
import type { AppContext } from '../platform/context.ts';
import { referenceRequestExamples, validatePersonsResponse } from './contract.ts';

let app: App;
let ctx: AppContext;
let authorization: string;

beforeAll(async () => {
  let db: Awaited<ReturnType<typeof buildTestApp>>['db'];
  ({ app, ctx, db } = await buildTestApp());
  authorization = `App ${(await createApiKeyRecord(db.orm, 'people test', null)).key}`;
  await createAttributeDefinition(ctx.events, { name: 'Contract Expiry', type: 'date', options: [] });
  await createAttributeDefinition(ctx.events, { name: 'Company', type: 'text', options: [] });
  await createAttributeDefinition(ctx.events, { name: 'Score', type: 'number', options: [] });
});
afterAll(async () => {
  await app.close();
});

interface Call {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the reference schema instead
  body: any;
}

/** Calls `/people/2/persons` with the API key; every answer must match the reference for its status. */
async function call(method: InjectOptions['method'], query = '', payload?: unknown): Promise<Call> {
  const res = await app.inject({
    method,
    url: `/people/2/persons${query}`,
    headers: { authorization },
    ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
  });
  const body = res.body ? res.json() : undefined;
  expect(validatePersonsResponse(String(method), res.statusCode, body)).toEqual([]);
  return { status: res.statusCode, body };
}

const error = (messageId: string) => ({
  requestError: { serviceException: expect.objectContaining({ messageId }) },
});

const jane = {
  externalId: 'crm-3',
  firstName: 'Jane',
  lastName: 'Smith',
  gender: 'FEMALE',
  city: 'London',
  country: 'United Kingdom',
  address: '67 Farringdon Road',
  birthDate: '1966-01-15',
  tags: ['VIP Customers', 'New Customers'],
  customAttributes: { 'Contract Expiry': '2018-06-01', Company: 'Acme' },
  contactInformation: { phone: [{ number: '41793026727' }], email: [{ address: 'janewilliams@acme.com' }] },
};

describe('People API: persons', () => {
  it('creates a person and finds it by every identifier the reference names', async () => {
    const created = await call('POST', '', jane);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      externalId: 'crm-3',
      firstName: 'Jane',
      lastName: 'Smith',
      gender: 'FEMALE',
      city: 'London',
      type: 'CUSTOMER',
      tags: ['New Customers', 'VIP Customers'],
      customAttributes: { 'Contract Expiry': '2018-06-01', Company: 'Acme' },
      contactInformation: {
        phone: [{ number: '41793026727' }],
        email: [{ address: 'janewilliams@acme.com' }],
      },
    });
    expect(created.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const id = created.body.id as number;
    for (const query of [
      `?identifier=${id}`,
      `?identifier=${id}&type=ID`,
      '?identifier=crm-3&type=EXTERNAL_ID',
      `?identifier=${encodeURIComponent('+41 79 302 67 27')}&type=PHONE`,
      '?identifier=JaneWilliams@acme.com&type=EMAIL',
    ]) {
      const found = await call('GET', query);
      expect([found.status, found.body.id], query).toEqual([200, id]);
    }
  });

  it('answers the reference error envelope: 404, 400, 401, 403', async () => {
    expect(await call('GET', '?identifier=999999')).toEqual({ status: 404, body: error('NOT_FOUND') });
    expect(await call('GET', '?identifier=abc')).toMatchObject({ status: 404 });
    expect(await call('GET', '?identifier=x&type=ZALO_FOLLOWER&sender=1')).toEqual({
      status: 400,
      body: error('BAD_REQUEST'),
    });
    expect(await call('GET', '?identifier=44770001&type=WHATSAPP')).toEqual({
      status: 400,
      body: error('BAD_REQUEST'),
    });
    expect(await call('GET', '?filter=%7B%7D')).toEqual({ status: 400, body: error('BAD_REQUEST') });
    expect(await call('DELETE', '')).toEqual({ status: 400, body: error('BAD_REQUEST') });
    expect(await call('POST', '', { firstName: 'X', customAttributes: { Shoe: 42 } })).toMatchObject({
      status: 400,
      body: {
        requestError: {
          serviceException: { text: 'Unknown attribute "Shoe": a supervisor defines attributes first' },
        },
      },
    });
    expect(await call('POST', '', { customAttributes: { Score: 'high' } })).toMatchObject({ status: 400 });
    expect(await call('POST', '', { tags: ['a;b'] })).toMatchObject({ status: 400 });
    expect(
      await call('POST', '', { contactInformation: { phone: [{ number: '41793026727' }] } }),
    ).toMatchObject({
      status: 400,
      body: { requestError: { serviceException: { text: 'SMS 41793026727 already belongs to Jane Smith' } } },
    });
    expect(await call('POST', '', { externalId: 'crm-3' })).toMatchObject({ status: 400 });

    const anonymous = await app.inject({ method: 'GET', url: '/people/2/persons' });
    expect([anonymous.statusCode, anonymous.json()]).toEqual([401, error('UNAUTHORIZED')]);
    const session = await signedInUser(app, ctx.db, ['supervisor']);
    const withCookie = await app.inject({
      method: 'GET',
      url: '/people/2/persons',
      headers: session.headers,
    });
    expect([withCookie.statusCode, withCookie.json()]).toEqual([403, error('FORBIDDEN')]);
  });

  it('pages through everyone with the reference page, limit, orderBy and total count', async () => {
    for (const firstName of ['Zoe', 'Adam', 'Mia']) await call('POST', '', { firstName, lastName: 'Pager' });
    const first = await call('GET', '?page=1&limit=2&orderBy=firstName:asc&includeTotalCount=true');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, limit: 2, orderBy: 'firstName:ASC,id:ASC', totalCount: 4 });
    expect(first.body.persons.map((p: { firstName: string }) => p.firstName)).toEqual(['Adam', 'Jane']);
    const second = await call('GET', '?page=2&limit=2&orderBy=firstName:asc');
    expect(second.body.persons.map((p: { firstName: string }) => p.firstName)).toEqual(['Mia', 'Zoe']);
    expect(second.body.totalCount).toBeUndefined();
    expect((await call('GET', '?orderBy=shoeSize:asc')).status).toBe(400);
  });

  it('PUT replaces the person; PATCH changes what it gives and appends tags and contacts', async () => {
    const created = await call('POST', '', {
      firstName: 'Mary Ann',
      lastName: 'Jones',
      tags: ['old'],
      customAttributes: { Company: 'Initech', Score: 3 },
      contactInformation: { phone: [{ number: '385915550001' }] },
    });
    const id = created.body.id;
    const put = await call('PUT', `?identifier=${id}`, {
      firstName: 'Mary',
      lastName: 'Jones',
      customAttributes: { Score: 4 },
      contactInformation: { email: [{ address: 'mary@example.com' }] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      firstName: 'Mary',
      lastName: 'Jones',
      tags: [],
      customAttributes: { Score: 4 },
      contactInformation: { phone: [], email: [{ address: 'mary@example.com' }] },
    });
    const patch = await call('PATCH', `?identifier=${id}`, {
      lastName: 'Brown',
      city: 'Split',
      tags: ['vip'],
      contactInformation: { phone: [{ number: '385915550002' }] },
    });
    expect(patch.body).toMatchObject({
      firstName: 'Mary',
      lastName: 'Brown',
      city: 'Split',
      tags: ['vip'],
      customAttributes: { Score: 4 },
      contactInformation: { phone: [{ number: '385915550002' }], email: [{ address: 'mary@example.com' }] },
    });
    expect((await call('PATCH', '?identifier=999999', { city: 'X' })).status).toBe(404);
  });

  it('PATCHes appending tags at the same time keep both (computed from the locked profile)', async () => {
    for (let i = 0; i < 5; i++) {
      const id = (await call('POST', '', { firstName: `Race ${i}`, tags: ['base'] })).body.id;
      const [a, b] = await Promise.all([
        call('PATCH', `?identifier=${id}`, { tags: ['alpha'] }),
        call('PATCH', `?identifier=${id}`, { tags: ['beta'] }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const after = await call('GET', `?identifier=${id}`);
      expect([...after.body.tags].sort()).toEqual(['alpha', 'base', 'beta']);
    }
  });

  it('holds every write to the profile limits: at most 50 tags and 50 contacts', async () => {
    const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => `t${from + i}`);
    const phones = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ number: `3859177${String(i).padStart(5, '0')}` }));
    expect((await call('POST', '', { firstName: 'Many', tags: tags(0, 51) })).status).toBe(400);
    expect(
      (await call('POST', '', { firstName: 'Many', contactInformation: { phone: phones(51) } })).status,
    ).toBe(400);
    const id = (await call('POST', '', { firstName: 'Many', tags: tags(0, 50) })).body.id;
    // A PATCH appends: 50 kept + 1 new is one too many, and nothing is written.
    const over = await call('PATCH', `?identifier=${id}`, { tags: ['one more'] });
    expect(over).toMatchObject({ status: 400, body: error('BAD_REQUEST') });
    expect(over.body.requestError.serviceException.text).toContain('at most 50 tags');
    expect((await call('GET', `?identifier=${id}`)).body.tags).toHaveLength(50);
  });

  it('deletes a person by identifier', async () => {
    const created = await call('POST', '', { externalId: 'gone-1', firstName: 'Gone' });
    const res = await call('DELETE', '?identifier=gone-1&type=EXTERNAL_ID');
    expect(res).toEqual({ status: 200, body: undefined });
    expect((await call('GET', `?identifier=${created.body.id}`)).status).toBe(404);
  });

  it("replays the reference's request examples: list-of-objects attributes are refused, the rest is taken", async () => {
    // The examples all describe Jane by her e-mail address: POST creates her, PUT and PATCH change her.
    await call('DELETE', '?identifier=janewilliams@acme.com&type=EMAIL');
    for (const method of ['POST', 'PUT', 'PATCH'] as const) {
      const query = method === 'POST' ? '' : '?identifier=janewilliams@acme.com&type=EMAIL';
      for (const example of referenceRequestExamples(method)) {
        const body = structuredClone(example.value) as { customAttributes?: Record<string, unknown> };
        const refused = await call(method, query, body);
        expect([refused.status, refused.body.requestError.serviceException.text], example.name).toEqual([
          400,
          'ShoppingCartList: list-of-objects attributes are not supported by Parley',
        ]);
        delete body.customAttributes?.ShoppingCartList;
        expect((await call(method, query, body)).status, example.name).toBe(200);
      }
    }
  });

  it('shows Instagram, Apple Messages and LINE ids as read-only contacts and finds the person by each', async () => {
    const session = await signedInUser(app, ctx.db, ['supervisor', 'agent']);
    const destinations = [
      { channel: 'INSTAGRAM_MESSAGING', address: '768938852147373' },
      { channel: 'APPLE_BUSINESS_CHAT', address: 'urn:mbid:AQAAY6xHR8jJXQr78AG+hTy/xz8H' },
      { channel: 'LINE', address: 'U4af4980629b2c1f7c2a5a3d1e0f9b8c7' },
    ];
    const made = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: session.headers,
      payload: { name: 'Olivia Reyes', destinations },
    });
    expect(made.statusCode).toBe(201);
    const expected = {
      instagramDm: [{ userId: '768938852147373' }],
      appleBusinessChat: [{ userId: 'urn:mbid:AQAAY6xHR8jJXQr78AG+hTy/xz8H' }],
      line: [{ userId: 'U4af4980629b2c1f7c2a5a3d1e0f9b8c7' }],
    };
    for (const [type, identifier] of [
      ['INSTAGRAM_DM', '768938852147373'],
      ['APPLE_BUSINESS_CHAT', 'urn:mbid:AQAAY6xHR8jJXQr78AG+hTy/xz8H'],
      ['LINE', 'U4af4980629b2c1f7c2a5a3d1e0f9b8c7'],
    ] as const) {
      const found = await call(
        'GET',
        `?identifier=${encodeURIComponent(identifier)}&type=${type}&sender=app`,
      );
      expect([found.status, found.body.firstName, found.body.contactInformation], type).toEqual([
        200,
        'Olivia',
        expect.objectContaining(expected),
      ]);
    }
  });
});

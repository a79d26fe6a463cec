import type { Conversation } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestUser, signIn } from '../users/test-helpers.ts';
import { createWriteDesk, errorCode, type WriteDesk } from './write-test-desk.ts';

let desk: WriteDesk;
beforeAll(async () => {
  desk = await createWriteDesk();
});
afterAll(async () => {
  await desk.app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';
let threads = 0;
/** A "+" body on a customer thread no other test uses. */
const newConversation = (overrides: object = {}) => ({
  channel: 'SMS',
  ourAddress: '44123',
  customerAddress: `38598${String(++threads).padStart(7, '0')}`,
  text: 'Hello from Parley',
  ...overrides,
});

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const ROUTES: { method: Method; url: string; payload?: object; bad: object | string }[] = [
  { method: 'POST', url: '/api/conversations', payload: newConversation(), bad: { channel: 'FAX' } },
  { method: 'PATCH', url: `/api/conversations/${someId}`, payload: { topic: 'T' }, bad: {} },
  {
    method: 'POST',
    url: `/api/conversations/${someId}/assign`,
    payload: { userId: null },
    bad: { userId: 'me' },
  },
  {
    method: 'POST',
    url: `/api/conversations/${someId}/assign-to-me`,
    bad: '/api/conversations/nope/assign-to-me',
  },
  { method: 'PUT', url: `/api/conversations/${someId}/queue`, payload: { queueId: null }, bad: {} },
  { method: 'POST', url: `/api/conversations/${someId}/tags`, payload: { tagId: someId }, bad: { tagId: 1 } },
  {
    method: 'DELETE',
    url: `/api/conversations/${someId}/tags/${someId}`,
    bad: `/api/conversations/${someId}/tags/x`,
  },
  {
    method: 'POST',
    url: `/api/conversations/${someId}/messages`,
    payload: { clientId: someId, text: 'Hi' },
    bad: { clientId: someId, text: '   ' },
  },
  { method: 'POST', url: `/api/conversations/${someId}/notes`, payload: { text: 'N' }, bad: { text: '' } },
];

describe('conversation write routes access and validation', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 API key, 400 bad request`, async () => {
      expect((await desk.call(null, route.method, route.url, route.payload)).statusCode).toBe(401);
      const byKey = await desk.call(desk.apiKey, route.method, route.url, route.payload);
      expect([byKey.statusCode, errorCode(byKey)]).toEqual([403, 'forbidden']);
      const bad =
        typeof route.bad === 'string'
          ? await desk.call(desk.supervisor, route.method, route.bad, route.payload)
          : await desk.call(desk.supervisor, route.method, route.url, route.bad);
      expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation_failed']);
    });
  }

  it('answers 404 for an unknown conversation', async () => {
    const res = await desk.call(desk.supervisor, 'PATCH', `/api/conversations/${someId}`, { topic: 'T' });
    expect([res.statusCode, errorCode(res)]).toEqual([404, 'not_found']);
  });
});

describe('POST /api/conversations ("+")', () => {
  it('creates the customer and the conversation, assigns it to its creator and sends the first message', async () => {
    const body = newConversation({
      topic: 'Your order',
      newCustomer: { name: 'Nora New', channel: 'SMS', address: '385977000001' },
    });
    body.customerAddress = '385977000001';
    const res = await desk.call(desk.a, 'POST', '/api/conversations', body);
    expect(res.statusCode, res.body).toBe(201);
    const conv = res.json<Conversation>();
    expect(conv).toMatchObject({
      topic: 'Your order',
      status: 'OPEN',
      assignee: { id: desk.a.user.id },
      customer: { name: 'Nora New', address: '385977000001' },
      channels: ['SMS'],
    });
    const state = await desk.snapshot(conv.id);
    expect(state.messages).toBe(1);

    const again = await desk.call(desk.b, 'POST', '/api/conversations', body);
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'conflict']);
  });

  it('links a known customer; a supervisor without the agent role leaves it unassigned', async () => {
    const known = await desk.call(desk.a, 'POST', '/api/customers', { name: 'Kim Known', destinations: [] });
    const customerId = known.json<{ id: string }>().id;
    const res = await desk.call(
      desk.supervisor,
      'POST',
      '/api/conversations',
      newConversation({ customerId }),
    );
    expect(res.json<Conversation>()).toMatchObject({
      customer: { id: customerId, name: 'Kim Known' },
      topic: 'Talking with Kim Known',
      assignee: { id: desk.supervisor.user.id },
    });
    const lead = await signIn(desk.app, (await insertTestUser(desk.db, ['supervisor'])).email);
    const byLead = await desk.call(lead, 'POST', '/api/conversations', newConversation());
    expect(byLead.statusCode).toBe(201);
    const conv = byLead.json<Conversation>();
    expect(conv.assignee).toBeNull();
    expect((await desk.snapshot(conv.id)).messages).toBe(1);
  });

  it('refuses customerId and newCustomer together (400)', async () => {
    const both = await desk.call(
      desk.a,
      'POST',
      '/api/conversations',
      newConversation({ customerId: someId, newCustomer: { name: 'X', channel: 'SMS', address: '1' } }),
    );
    expect([both.statusCode, errorCode(both)]).toEqual([400, 'validation_failed']);
  });

  it('rolls everything back when a part is refused (D11 message length → 422 limit_exceeded)', async () => {
    const body = newConversation({
      text: 'x'.repeat(4097),
      newCustomer: { name: 'Rolled Back', channel: 'SMS', address: '385977000009' },
    });
    const res = await desk.call(desk.a, 'POST', '/api/conversations', body);
    expect([res.statusCode, errorCode(res)]).toEqual([422, 'limit_exceeded']);
    const customers = await desk.call(desk.a, 'GET', '/api/customers?q=Rolled');
    expect(customers.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses a channel and sender no enabled connection sends on (409 channel_unavailable), creating nothing', async () => {
    const unconnected = [
      { channel: 'SMS', ourAddress: '44999' },
      { channel: 'WHATSAPP', ourAddress: '44123' },
      { channel: 'EMAIL', ourAddress: 'help@parley.test' },
    ];
    for (const [i, thread] of unconnected.entries()) {
      const address = `38597700002${i}`;
      const body = newConversation({
        ...thread,
        customerAddress: address,
        newCustomer: { name: `Nowhere ${i}`, channel: thread.channel, address },
      });
      const res = await desk.call(desk.a, 'POST', '/api/conversations', body);
      expect([res.statusCode, errorCode(res)], thread.channel).toEqual([409, 'channel_unavailable']);
    }
    const customers = await desk.call(desk.a, 'GET', '/api/customers?q=Nowhere');
    expect(customers.json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe('conversation changes', () => {
  it('PATCH applies several fields at once and answers the conversation', async () => {
    const id = await desk.conversation({ assigneeUserId: desk.a.user.id });
    const res = await desk.call(desk.a, 'PATCH', `/api/conversations/${id}`, {
      topic: 'Billing question',
      summary: 'Wants a refund',
      priority: 'HIGH',
      status: 'WAITING',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Conversation>()).toMatchObject({
      topic: 'Billing question',
      summary: 'Wants a refund',
      priority: 'HIGH',
      status: 'WAITING',
    });
    const cleared = await desk.call(desk.a, 'PATCH', `/api/conversations/${id}`, {
      summary: null,
      status: 'CLOSED',
    });
    expect(cleared.json<Conversation>()).toMatchObject({ summary: null, status: 'CLOSED' });
  });

  it('PATCH is all or nothing: a topic over the D11 limit leaves the priority unchanged', async () => {
    const id = await desk.conversation();
    const before = await desk.snapshot(id);
    const res = await desk.call(desk.a, 'PATCH', `/api/conversations/${id}`, {
      priority: 'URGENT',
      topic: 't'.repeat(1001),
    });
    expect([res.statusCode, errorCode(res)]).toEqual([422, 'limit_exceeded']);
    expect(await desk.snapshot(id)).toEqual(before);
  });

  it('assigns, takes, moves queues and tags', async () => {
    const id = await desk.conversation();
    const mine = await desk.call(desk.a, 'POST', `/api/conversations/${id}/assign-to-me`);
    expect(mine.json<Conversation>().assignee?.id).toBe(desk.a.user.id);
    const handed = await desk.call(desk.a, 'POST', `/api/conversations/${id}/assign`, {
      userId: desk.b.user.id,
    });
    expect(handed.json<Conversation>().assignee?.id).toBe(desk.b.user.id);
    const moved = await desk.call(desk.supervisor, 'PUT', `/api/conversations/${id}/queue`, {
      queueId: desk.sales.id,
    });
    expect(moved.json<Conversation>().queue?.id).toBe(desk.sales.id);
    const tagged = await desk.call(desk.a, 'POST', `/api/conversations/${id}/tags`, { tagId: desk.tag.id });
    expect(tagged.json<Conversation>().tags.map((t) => t.name)).toEqual(['vip']);
    const untagged = await desk.call(desk.a, 'DELETE', `/api/conversations/${id}/tags/${desk.tag.id}`);
    expect(untagged.json<Conversation>().tags).toEqual([]);
    const back = await desk.call(desk.supervisor, 'PUT', `/api/conversations/${id}/queue`, { queueId: null });
    expect(back.json<Conversation>().queue?.name).toBe('Default');
  });

  it('refuses an assignee outside the queue (422) and an unknown tag (404)', async () => {
    const id = await desk.conversation({ queueId: desk.sales.id });
    const res = await desk.call(desk.supervisor, 'POST', `/api/conversations/${id}/assign`, {
      userId: desk.outsider.user.id,
    });
    expect([res.statusCode, errorCode(res)]).toEqual([422, 'assignee_not_in_queue']);
    const tag = await desk.call(desk.a, 'POST', `/api/conversations/${id}/tags`, { tagId: someId });
    expect([tag.statusCode, errorCode(tag)]).toEqual([404, 'not_found']);
  });
});

import type { SavedView, SavedViewList, ViewCount, ViewCounts } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { botSessions, bots } from '../bots/bots.schema.ts';
import { countConversations } from '../conversations/conversations.queries.ts';
import { setConversationPriority, setConversationStatus } from '../conversations/conversations.service.ts';
import { createReadDesk } from '../conversations/read-test-desk.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let desk: Awaited<ReturnType<typeof createReadDesk>>;
let otherAgent: TestSession;
let apiKey: { authorization: string };

const someId = '00000000-0000-4000-8000-000000000000';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  desk = await createReadDesk(app, ctx, db);
  otherAgent = await signedInUser(app, db, ['agent']);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'views test', null)).key}` };
});
afterAll(async () => {
  await app.close();
});

const send = (
  session: TestSession | undefined,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: session?.headers, ...(payload && { payload }) });

const create = async (session: TestSession, payload: object) => {
  const res = await send(session, 'POST', '/api/views', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SavedView;
};
const listNames = async (session: TestSession) =>
  ((await send(session, 'GET', '/api/views')).json() as SavedViewList).items.map((v) => v.name);

describe('saved views access and validation', () => {
  const routes = [
    { method: 'GET', url: '/api/views' },
    { method: 'GET', url: '/api/views/counts' },
    { method: 'GET', url: '/api/views/count?view=unassigned' },
    { method: 'GET', url: `/api/views/${someId}` },
    { method: 'POST', url: '/api/views', payload: { name: 'x', scope: 'private', filters: {} } },
    { method: 'PATCH', url: `/api/views/${someId}`, payload: { name: 'x' } },
    { method: 'DELETE', url: `/api/views/${someId}` },
  ] as const;
  for (const route of routes) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for API keys`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      expect((await app.inject({ method: route.method, url: route.url, payload })).statusCode).toBe(401);
      const res = await app.inject({ method: route.method, url: route.url, payload, headers: apiKey });
      expect(res.statusCode).toBe(403);
    });
  }

  it('answers 400 to bad bodies and ids, 404 to unknown views', async () => {
    const bad = [
      { method: 'POST', url: '/api/views', payload: { name: ' ', scope: 'private', filters: {} } },
      { method: 'POST', url: '/api/views', payload: { name: 'x', scope: 'team', filters: {} } },
      {
        method: 'POST',
        url: '/api/views',
        payload: { name: 'x', scope: 'private', filters: { view: 'queue' } },
      },
      {
        method: 'POST',
        url: '/api/views',
        payload: { name: 'x', scope: 'private', filters: { priority: ['HUGE'] } },
      },
      {
        method: 'POST',
        url: '/api/views',
        payload: { name: 'x'.repeat(101), scope: 'private', filters: {} },
      },
      { method: 'PATCH', url: `/api/views/${someId}`, payload: {} },
      { method: 'GET', url: '/api/views/nope' },
      { method: 'GET', url: '/api/views/count?view=queue' },
      { method: 'GET', url: '/api/views/count?priority=HUGE' },
    ] as const;
    for (const b of bad) {
      const res = await send(desk.member, b.method, b.url, 'payload' in b ? b.payload : undefined);
      expect([res.statusCode, errorCode(res)], JSON.stringify(b)).toEqual([400, 'validation_failed']);
    }
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await send(desk.member, method, `/api/views/${someId}`);
      expect([res.statusCode, errorCode(res)]).toEqual([404, 'not_found']);
    }
    const patch = await send(desk.member, 'PATCH', `/api/views/${someId}`, { name: 'y' });
    expect(patch.statusCode).toBe(404);
  });
});

describe('private views', () => {
  it('are seen and changed by their creator only', async () => {
    const view = await create(desk.member, {
      name: 'My urgent',
      scope: 'private',
      filters: { view: 'all', priority: ['URGENT', 'HIGH'], sort: 'requested', direction: 'asc' },
    });
    expect(view).toMatchObject({
      name: 'My urgent',
      scope: 'private',
      editable: true,
      createdBy: { id: desk.member.user.id },
      filters: { view: 'all', priority: ['URGENT', 'HIGH'], sort: 'requested', direction: 'asc' },
    });
    for (const session of [otherAgent, desk.supervisor]) {
      expect(await listNames(session)).not.toContain('My urgent');
      for (const [method, payload] of [['GET'], ['PATCH', { name: 'mine now' }], ['DELETE']] as const) {
        const res = await send(session, method, `/api/views/${view.id}`, payload);
        expect([res.statusCode, errorCode(res)]).toEqual([404, 'not_found']);
      }
    }
    const renamed = await send(desk.member, 'PATCH', `/api/views/${view.id}`, {
      name: 'Hot',
      filters: { view: 'unassigned' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Hot', filters: { view: 'unassigned' } });
    expect((await send(desk.member, 'DELETE', `/api/views/${view.id}`)).statusCode).toBe(204);
    expect((await send(desk.member, 'GET', `/api/views/${view.id}`)).statusCode).toBe(404);
  });

  it(`refuse a ninth private view per user with limit_exceeded, and duplicate names with conflict`, async () => {
    const user = await signedInUser(app, db, ['agent']);
    for (let i = 1; i <= 8; i++) await create(user, { name: `View ${i}`, scope: 'private', filters: {} });
    const ninth = await send(user, 'POST', '/api/views', { name: 'View 9', scope: 'private', filters: {} });
    expect([ninth.statusCode, errorCode(ninth)]).toEqual([422, 'limit_exceeded']);
    // Others are not limited by this user's views, and the same name is free for them.
    await create(otherAgent, { name: 'View 1', scope: 'private', filters: {} });
    const dup = await send(otherAgent, 'POST', '/api/views', {
      name: 'view 1',
      scope: 'private',
      filters: {},
    });
    expect([dup.statusCode, errorCode(dup)]).toEqual([409, 'conflict']);
  });
});

describe('global views', () => {
  it('are made and changed by supervisors and seen by everyone', async () => {
    const refused = await send(desk.member, 'POST', '/api/views', {
      name: 'Team',
      scope: 'global',
      filters: {},
    });
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'forbidden']);
    const view = await create(desk.supervisor, {
      name: 'Team WhatsApp',
      scope: 'global',
      filters: { view: 'all', channel: ['WHATSAPP'] },
    });
    const seen = (await send(otherAgent, 'GET', `/api/views/${view.id}`)).json() as SavedView;
    expect(seen).toMatchObject({ name: 'Team WhatsApp', scope: 'global', editable: false });
    expect(await listNames(otherAgent)).toContain('Team WhatsApp');
    for (const [method, payload] of [['PATCH', { name: 'Mine' }], ['DELETE']] as const) {
      const res = await send(otherAgent, method, `/api/views/${view.id}`, payload);
      expect([res.statusCode, errorCode(res)]).toEqual([403, 'forbidden']);
    }
    const other = await signedInUser(app, db, ['supervisor']);
    const renamed = await send(other, 'PATCH', `/api/views/${view.id}`, { name: 'Team WA' });
    expect(renamed.json()).toMatchObject({ name: 'Team WA', editable: true });
    expect((await send(other, 'DELETE', `/api/views/${view.id}`)).statusCode).toBe(204);
  });
});

describe('sidebar counts', () => {
  it('count predefined views, saved views and queues over what the caller may see', async () => {
    const inDefault = (await desk.receive(desk.address())).conversationId;
    const inSales = (await desk.receive(desk.address())).conversationId;
    await desk.moveToSales(inSales);
    await setConversationPriority(ctx.events, { kind: 'system' }, inSales, 'URGENT');
    const closed = (await desk.receive(desk.address())).conversationId;
    await setConversationStatus(ctx.events, { kind: 'system' }, closed, 'CLOSED');
    const botHeld = (await desk.receive(desk.address())).conversationId;
    const [bot] = await db.orm
      .insert(bots)
      .values({ id: crypto.randomUUID(), name: 'Helper', kind: 'KEYWORD' })
      .returning();
    await db.orm.insert(botSessions).values({ conversationId: botHeld, botId: bot?.id as string });
    await desk.assign(inDefault, desk.outsider.user.id);

    const urgent = await create(desk.member, {
      name: 'Urgent',
      scope: 'private',
      filters: { priority: ['URGENT'] },
    });
    const counts = async (session: TestSession) => {
      const res = await send(session, 'GET', '/api/views/counts');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ViewCounts;
    };
    const member = await counts(desk.member);
    expect(member.predefined).toEqual({
      unassigned: { count: 1, capped: false }, // inSales; botHeld is the bot's (D3)
      all: { count: 3, capped: false },
      history: { count: 4, capped: false },
      allBots: { count: 1, capped: false },
    });
    expect(member.views).toContainEqual({ viewId: urgent.id, count: 1, capped: false });
    expect(member.queues.map((q) => [q.queueId, q.count])).toEqual([
      [desk.defaultQueue.id, 2],
      [desk.sales.id, 1],
    ]);
    // The outsider is no Sales member: the Sales conversation is neither counted nor its queue listed.
    const outsider = await counts(desk.outsider);
    expect(outsider.predefined.all.count).toBe(2);
    expect(outsider.queues.map((q) => q.queueId)).toEqual([desk.defaultQueue.id]);
    expect(outsider.views.map((v) => v.viewId)).not.toContain(urgent.id);

    // The list views show exactly what their counts count.
    const botList = await send(desk.member, 'GET', '/api/conversations?view=bots');
    expect((botList.json() as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([botHeld]);
    const unsaved = async (session: TestSession, query: string) => {
      const res = await send(session, 'GET', `/api/views/count?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ViewCount;
    };
    expect(await unsaved(desk.member, 'view=bots')).toEqual(member.predefined.allBots);
    const unassignedList = await send(desk.member, 'GET', '/api/conversations?view=unassigned');
    expect((unassignedList.json() as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([inSales]);
    expect(await unsaved(desk.member, 'priority=URGENT')).toEqual({ count: 1, capped: false });
    expect(await unsaved(desk.member, `view=queue&queueId=${desk.sales.id}`)).toEqual({
      count: 1,
      capped: false,
    });
    expect(await unsaved(desk.outsider, 'priority=URGENT')).toEqual({ count: 0, capped: false });
  });

  it('stop counting above the cap', async () => {
    const viewer = { userId: desk.supervisor.user.id, roles: desk.supervisor.user.roles };
    expect(await countConversations(db.orm, { view: 'history' }, viewer, 2)).toEqual({
      count: 2,
      capped: true,
    });
    const exact = await countConversations(db.orm, { view: 'history' }, viewer, 1000);
    expect(exact.capped).toBe(false);
  });
});

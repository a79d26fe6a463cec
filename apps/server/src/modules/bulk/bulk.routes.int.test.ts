import type { BulkActionResult, ConversationListItem, Page } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { setConversationStatus } from '../conversations/conversations.service.ts';
import { createReadDesk } from '../conversations/read-test-desk.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import type { TestSession } from '../users/test-helpers.ts';
import { resolveFilterIds } from './bulk-selection.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let desk: Awaited<ReturnType<typeof createReadDesk>>;
let apiKey: { authorization: string };

const someId = '00000000-0000-4000-8000-000000000000';
const URL = '/api/conversations/bulk';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  desk = await createReadDesk(app, ctx, db);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'bulk test', null)).key}` };
});
afterAll(async () => {
  await app.close();
});

const bulk = async (session: TestSession, payload: object) => {
  const res = await desk.post(session, URL, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BulkActionResult;
};
const conversation = async (id: string) => {
  const row = await findConversationById(db.orm, id);
  if (!row) throw new Error('missing conversation');
  return row;
};

describe('bulk actions: access and validation', () => {
  it('refuse anonymous callers (401), API keys (403) and bad bodies (400)', async () => {
    const good = { ids: [someId], action: { type: 'priority', priority: 'HIGH' } };
    expect((await app.inject({ method: 'POST', url: URL, payload: good })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: URL, payload: good, headers: apiKey })).statusCode).toBe(
      403,
    );
    const ids = Array.from({ length: 501 }, () => crypto.randomUUID());
    for (const payload of [
      {},
      { ids: [], action: good.action },
      { ids, action: good.action },
      { ids: ['x'], action: good.action },
      { ids: [someId], filter: {}, action: good.action },
      { ids: [someId], action: { type: 'delete' } },
      { ids: [someId], action: { type: 'priority', priority: 'HUGE' } },
      { filter: { view: 'queue' }, action: good.action },
    ]) {
      const res = await desk.post(desk.member, URL, payload);
      expect([res.statusCode, errorCode(res)], JSON.stringify(payload).slice(0, 80)).toEqual([
        400,
        'validation_failed',
      ]);
    }
  });
});

describe('bulk actions on a selection', () => {
  it('apply D3 per conversation: an agent is refused for others’ conversations, the rest change', async () => {
    const unassigned = (await desk.receive(desk.address())).conversationId;
    const own = (await desk.receive(desk.address())).conversationId;
    await desk.assign(own, desk.member.user.id);
    const others = (await desk.receive(desk.address())).conversationId;
    await desk.assign(others, desk.outsider.user.id);
    const closed = (await desk.receive(desk.address())).conversationId;
    await desk.assign(closed, desk.member.user.id);
    await setConversationStatus(ctx.events, { kind: 'system' }, closed, 'CLOSED');

    const result = await bulk(desk.member, {
      ids: [unassigned, own, others, closed, someId],
      action: { type: 'reassign', userId: desk.member.user.id },
    });
    expect(result.matched).toBe(5);
    expect(result.changed).toBe(1);
    expect(result.refused).toEqual(
      [
        {
          conversationId: others,
          number: (await conversation(others)).number,
          code: 'assignment_forbidden',
          message: 'The conversation is assigned to another agent',
        },
        {
          conversationId: closed,
          number: (await conversation(closed)).number,
          code: 'conversation_closed',
          message: expect.any(String),
        },
        { conversationId: someId, number: null, code: 'not_found', message: 'Conversation not found' },
      ].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)),
    );
    expect((await conversation(unassigned)).assigneeUserId).toBe(desk.member.user.id);
    expect((await conversation(others)).assigneeUserId).toBe(desk.outsider.user.id);
  });

  it('never reveal conversations the caller cannot see', async () => {
    const inSales = (await desk.receive(desk.address())).conversationId;
    await desk.moveToSales(inSales);
    const result = await bulk(desk.outsider, {
      ids: [inSales],
      action: { type: 'priority', priority: 'URGENT' },
    });
    expect(result).toEqual({
      matched: 1,
      changed: 0,
      refused: [
        { conversationId: inSales, number: null, code: 'not_found', message: 'Conversation not found' },
      ],
    });
    expect((await conversation(inSales)).priority).toBe('NORMAL');
  });

  it('change queues for supervisors and refuse agents who do not hold the conversation', async () => {
    const a = (await desk.receive(desk.address())).conversationId;
    const b = (await desk.receive(desk.address())).conversationId;
    const refused = await bulk(desk.member, {
      ids: [a, b],
      action: { type: 'queue', queueId: desk.sales.id },
    });
    expect(refused.refused.map((r) => r.code)).toEqual(['queue_change_forbidden', 'queue_change_forbidden']);
    const moved = await bulk(desk.supervisor, {
      ids: [a, b],
      action: { type: 'queue', queueId: desk.sales.id },
    });
    expect(moved).toEqual({ matched: 2, changed: 2, refused: [] });
    expect((await conversation(a)).queueId).toBe(desk.sales.id);
    const back = await bulk(desk.supervisor, { ids: [a], action: { type: 'queue', queueId: null } });
    expect([back.changed, (await conversation(a)).queueId]).toEqual([1, desk.defaultQueue.id]);
  });
});

describe('bulk actions on all matching', () => {
  const marker = `bulkmark${crypto.randomUUID().slice(0, 6)}`;
  const matching: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 60; i++)
      matching.push((await desk.receive(desk.address(), `${marker} ${i}`)).conversationId);
  });

  it('change every matching conversation, not just the first page', async () => {
    const filter = { view: 'all', q: marker };
    const result = await bulk(desk.supervisor, { filter, action: { type: 'status', status: 'SOLVED' } });
    expect(result).toEqual({ matched: 60, changed: 60, refused: [] });
    const solved = await desk.get(desk.supervisor, `/api/conversations?q=${marker}&status=SOLVED&limit=100`);
    expect((solved.json() as Page<ConversationListItem>).items).toHaveLength(60);
    const again = await bulk(desk.supervisor, { filter, action: { type: 'status', status: 'SOLVED' } });
    expect(again).toEqual({ matched: 60, changed: 0, refused: [] });
  });

  it('resolve a filter in keyset batches without skipping or repeating, and refuse one over the cap', async () => {
    const viewer = { userId: desk.supervisor.user.id, roles: desk.supervisor.user.roles };
    const ids = await resolveFilterIds(db.orm, { view: 'all', q: marker }, viewer, { batch: 7 });
    expect(new Set(ids)).toEqual(new Set(matching));
    expect(ids).toHaveLength(60);
    await expect(
      resolveFilterIds(db.orm, { view: 'all', q: marker }, viewer, { batch: 7, max: 59 }),
    ).rejects.toMatchObject({
      code: 'limit_exceeded',
    });
  });
});

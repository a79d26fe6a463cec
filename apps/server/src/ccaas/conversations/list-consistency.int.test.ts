import type { ConversationListItem, Page, Priority } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConversationTag } from '../../modules/conversations/conversations.service.ts';
import { insertTestUser, signIn, type TestSession } from '../../modules/users/test-helpers.ts';
import { type CcaasHarness, ccaasHarness } from '../test-support.ts';

// `/ccaas/1/conversations` and the ALL WORK list `/api/conversations` (a supervisor's History, which
// shows every conversation as an API key does) select and order alike where their filters and
// sorts correspond: status, priority, queueIds ↔ queueId, agentId ↔ assigneeId, tagNames ↔ tag,
// createdAfter/Before ↔ createdFrom/To, orderBy createdAt ↔ sort=requested, priority ↔ priority.

let h: CcaasHarness;
let supervisor: TestSession;
const LIST = '/ccaas/1/conversations';
const PRIORITIES: Priority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
const BASE = Date.parse('2026-03-01T12:00:00.000Z');
const hour = 3_600_000;

beforeAll(async () => {
  h = await ccaasHarness();
  supervisor = await signIn(h.app, (await insertTestUser(h.db, ['agent', 'supervisor'])).email);
  const agentId = h.desk.agentA.kind === 'agent' ? h.desk.agentA.userId : '';
  for (let i = 0; i < 16; i++) {
    const inQueue = i % 2 === 0;
    const res = await h.call('POST', LIST, LIST, {
      payload: {
        topic: `Consistency ${i}`,
        priority: PRIORITIES[i % 4],
        status: i % 5 === 0 ? 'WAITING' : 'OPEN',
        ...(inQueue && { queueId: h.desk.queue.id }),
        ...(inQueue && i % 3 !== 0 && { agentId }),
      },
    });
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    if (i % 3 === 1) await addConversationTag(h.desk.events, h.desk.supervisor, id, h.desk.tag.id);
    // Hours apart, with pairs at the very same time so ties fall back on the id.
    await h.db.orm.execute(
      sql`update conversations set created_at = ${new Date(BASE - Math.floor(i / 2) * hour).toISOString()} where id = ${id}`,
    );
  }
});

afterAll(() => h.app.close());

async function ccaasIds(query: string): Promise<string[]> {
  const res = await h.call('GET', `${LIST}?limit=100&${query}`, LIST);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.conversations.map((c: { id: string }) => c.id);
}

async function apiIds(query: string): Promise<string[]> {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/conversations?view=history&limit=100&${query}`,
    headers: supervisor.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Page<ConversationListItem>).items.map((c) => c.id);
}

describe('/ccaas/1/conversations and /api/conversations agree', () => {
  const at = (hours: number) => new Date(BASE - hours * hour + 1).toISOString();
  const agent = () => (h.desk.agentA.kind === 'agent' ? h.desk.agentA.userId : '');
  const cases = () => [
    ['status=OPEN&orderBy=createdAt:desc', 'status=OPEN&sort=requested&direction=desc'],
    ['priority=URGENT&orderBy=createdAt:asc', 'priority=URGENT&sort=requested&direction=asc'],
    ['orderBy=priority:desc', 'sort=priority&direction=desc'],
    ['orderBy=priority:asc', 'sort=priority&direction=asc'],
    [
      `queueIds=${h.desk.queue.id}&agentId=${agent()}&orderBy=priority:desc`,
      `queueId=${h.desk.queue.id}&assigneeId=${agent()}&sort=priority&direction=desc`,
    ],
    [
      `tagNames=${h.desk.tag.name.toUpperCase()}&orderBy=createdAt:desc`,
      `tag=${h.desk.tag.id}&sort=requested&direction=desc`,
    ],
    [
      `createdAfter=${at(5)}&createdBefore=${at(1)}&orderBy=createdAt:desc`,
      `createdFrom=${at(5)}&createdTo=${at(1)}&sort=requested&direction=desc`,
    ],
    [
      'status=WAITING&priority=URGENT&orderBy=createdAt:desc',
      'status=WAITING&priority=URGENT&sort=requested&direction=desc',
    ],
  ];

  it('select the same conversations in the same order', async () => {
    for (const [ccaas, api] of cases()) {
      const [a, b] = [await ccaasIds(ccaas as string), await apiIds(api as string)];
      expect(a.length, ccaas).toBeGreaterThan(0);
      expect(a, `${ccaas} ↔ ${api}`).toEqual(b);
    }
  });
});

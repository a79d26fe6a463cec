import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logOf } from '../../modules/conversations/test-fixtures.ts';
import { type CcaasHarness, ccaasHarness, serviceException } from '../test-support.ts';

let h: CcaasHarness;
beforeAll(async () => {
  h = await ccaasHarness();
});
afterAll(() => h.app.close());

const LIST = '/ccaas/1/conversations';
const ONE = '/ccaas/1/conversations/{conversationId}';
const userId = (actor: { kind: string } & Partial<{ userId: string }>) => actor.userId ?? '';

async function create(payload: Record<string, unknown> = {}) {
  const res = await h.call('POST', LIST, LIST, {
    payload: { topic: `Topic ${crypto.randomUUID()}`, ...payload },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('POST/GET /ccaas/1/conversations', () => {
  it('creates a conversation in the Default queue and reads it back in the reference shape', async () => {
    const created = await create({ topic: 'Broken router', summary: 'Keeps rebooting', priority: 'HIGH' });
    expect(created).toMatchObject({
      topic: 'Broken router',
      summary: 'Keeps rebooting',
      status: 'OPEN',
      priority: 'HIGH',
      queueId: h.desk.defaultQueue.id,
    });
    expect(created.agentId).toBeUndefined();
    expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    const got = await h.call('GET', `${LIST}/${created.id}`, ONE);
    expect(got).toEqual({ status: 200, body: created });
  });

  it('creates with queue, assignee and status in one go, logged as automation', async () => {
    const created = await create({
      queueId: h.desk.queue.id,
      agentId: userId(h.desk.agentA),
      status: 'WAITING',
    });
    expect(created).toMatchObject({
      queueId: h.desk.queue.id,
      agentId: userId(h.desk.agentA),
      status: 'WAITING',
    });
    const log = await logOf(h.db, created.id);
    expect(log.map((e) => `${e.kind} by ${e.actorKind}`).sort()).toEqual([
      'assignment by automation',
      'status by automation',
    ]);
  });

  it('refuses an unknown queue or agent with 400 NOT_FOUND and creates nothing', async () => {
    const before = (await h.call('GET', LIST, LIST)).body.pagination.totalItems;
    const queue = await h.call('POST', LIST, LIST, { payload: { queueId: 'no-such-queue' } });
    expect(queue).toMatchObject({
      status: 400,
      body: serviceException('NOT_FOUND', "Invalid queue id given 'no-such-queue'"),
    });
    const agent = await h.call('POST', LIST, LIST, { payload: { agentId: crypto.randomUUID() } });
    expect(agent).toMatchObject({ status: 400, body: serviceException('NOT_FOUND') });
    expect((await h.call('GET', LIST, LIST)).body.pagination.totalItems).toBe(before);
  });

  it('answers 404 NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of [crypto.randomUUID(), 'not-a-uuid']) {
      const res = await h.call('GET', `${LIST}/${id}`, ONE);
      expect(res).toEqual({
        status: 404,
        body: serviceException('NOT_FOUND', `Invalid id '${id}' given! No such entity exists.`),
      });
    }
  });
});

describe('GET /ccaas/1/conversations filters', () => {
  it('filters by every documented parameter and orders as asked', async () => {
    const tag = h.desk.tag.name;
    const a = await create({ priority: 'URGENT', queueId: h.desk.queue.id, agentId: userId(h.desk.agentA) });
    const afterA = new Date(Date.parse(a.createdAt) + 1).toISOString();
    const b = await create({ priority: 'LOW', status: 'SOLVED' });
    const c = await create({ priority: 'URGENT', status: 'CLOSED' });
    await h.call('POST', `${LIST}/${b.id}/tags`, `${ONE}/tags`, { payload: { tagName: tag } });
    const ids = (q: string) =>
      h
        .call(
          'GET',
          `${LIST}?conversationIds=${a.id}&conversationIds=${b.id}&conversationIds=${c.id}&${q}`,
          LIST,
        )
        .then((r) => {
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          return r.body.conversations.map((x: { id: string }) => x.id).sort();
        });
    expect(await ids('')).toEqual([a.id, b.id, c.id].sort());
    expect(await ids('status=SOLVED')).toEqual([b.id]);
    expect(await ids('priority=URGENT')).toEqual([a.id, c.id].sort());
    expect(await ids(`queueIds=${h.desk.queue.id}`)).toEqual([a.id]);
    expect(await ids(`agentId=${userId(h.desk.agentA)}`)).toEqual([a.id]);
    expect(await ids(`tagNames=${encodeURIComponent(tag.toUpperCase())}`)).toEqual([b.id]);
    expect(await ids('closedAfter=2000-01-01T00:00:00.000+0000')).toEqual([c.id]);
    expect(await ids('createdBefore=2000-01-01T00:00:00.000+0000')).toEqual([]);
    expect(await ids(`createdAfter=${afterA}`)).toEqual([b.id, c.id].sort());
    expect(
      await ids('updatedAfter=2000-01-01T00:00:00.000%2B00:00&updatedBefore=2999-01-01T00:00:00.000Z'),
    ).toHaveLength(3);
    expect(await ids('agentId=nobody')).toEqual([]);

    const ordered = await h.call(
      'GET',
      `${LIST}?conversationIds=${a.id}&conversationIds=${b.id}&conversationIds=${c.id}&orderBy=priority:desc&limit=2&page=0`,
      LIST,
    );
    expect(ordered.body.conversations.map((x: { priority: string }) => x.priority)).toEqual([
      'URGENT',
      'URGENT',
    ]);
    expect(ordered.body.pagination).toEqual({
      totalItems: 3,
      page: 0,
      limit: 2,
      orderBy: 'priority:DESC,id:DESC',
    });
    const second = await h.call(
      'GET',
      `${LIST}?conversationIds=${a.id}&conversationIds=${b.id}&conversationIds=${c.id}&orderBy=priority:desc&limit=2&page=1`,
      LIST,
    );
    expect(second.body.conversations.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it('refuses a malformed date filter with 400', async () => {
    const res = await h.call('GET', `${LIST}?createdAfter=yesterday`, LIST);
    expect(res).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
  });
});

describe('PUT/PATCH /ccaas/1/conversations/{id}', () => {
  it('PATCH changes only what is sent; PUT resets what is left out', async () => {
    const conv = await create({ summary: 'first', priority: 'HIGH', queueId: h.desk.queue.id });
    const patched = await h.call('PATCH', `${LIST}/${conv.id}`, ONE, {
      payload: { topic: 'Renamed', status: 'WAITING' },
    });
    expect(patched.body).toMatchObject({
      topic: 'Renamed',
      status: 'WAITING',
      summary: 'first',
      priority: 'HIGH',
      queueId: h.desk.queue.id,
    });
    const put = await h.call('PUT', `${LIST}/${conv.id}`, ONE, { payload: { topic: 'Replaced' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      topic: 'Replaced',
      status: 'WAITING',
      priority: 'NORMAL',
      queueId: h.desk.defaultQueue.id,
    });
    expect(put.body.summary).toBeUndefined();
    // One transaction stamps one time, so the entries are compared as a set.
    expect((await logOf(h.db, conv.id)).map((e) => e.kind).sort()).toEqual(['priority', 'queue', 'status']);
  });

  it('applies all of a PATCH or none of it', async () => {
    const conv = await create({ priority: 'LOW' });
    const res = await h.call('PATCH', `${LIST}/${conv.id}`, ONE, {
      payload: { priority: 'URGENT', queueId: h.desk.queue.id, agentId: userId(h.desk.agentB) },
    });
    expect(res).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
    expect((await h.call('GET', `${LIST}/${conv.id}`, ONE)).body).toMatchObject({
      priority: 'LOW',
      queueId: h.desk.defaultQueue.id,
    });
  });

  it('refuses a PUT keeping an assignee the new queue does not have, instead of dropping them', async () => {
    // Agent B holds it in the Default queue (which restricts no one) but is no member of desk.queue.
    const conv = await create({ agentId: userId(h.desk.agentB) });
    const logBefore = await logOf(h.db, conv.id);
    const res = await h.call('PUT', `${LIST}/${conv.id}`, ONE, {
      payload: { topic: conv.topic, queueId: h.desk.queue.id, agentId: userId(h.desk.agentB) },
    });
    expect(res).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
    expect(res.body.requestError.serviceException.text).toMatch(/not a member/);
    expect((await h.call('GET', `${LIST}/${conv.id}`, ONE)).body).toEqual(conv);
    expect(await logOf(h.db, conv.id)).toEqual(logBefore);
  });

  it('applies D3 to the agent named by x-agent-id', async () => {
    const conv = await create({ queueId: h.desk.queue.id, agentId: userId(h.desk.agentA) });
    const asB = { 'x-agent-id': userId(h.desk.agentB) };
    const taken = await h.call('PUT', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`, {
      payload: { agentId: userId(h.desk.agentB) },
      headers: asB,
    });
    expect(taken).toMatchObject({ status: 403, body: serviceException('FORBIDDEN') });
    const unknown = await h.call('PATCH', `${LIST}/${conv.id}`, ONE, {
      payload: { priority: 'HIGH' },
      headers: { 'x-agent-id': 'ghost' },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: serviceException('NOT_FOUND', "Invalid agent id given 'ghost'"),
    });
    const own = await h.call('DELETE', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`, {
      headers: { 'x-agent-id': userId(h.desk.agentA) },
    });
    expect(own.status).toBe(200);
    expect(own.body.agentId).toBeUndefined();
    const log = await logOf(h.db, conv.id);
    expect(log.at(-1)).toMatchObject({
      kind: 'assignment',
      actorKind: 'agent',
      actorUserId: userId(h.desk.agentA),
    });
  });

  it('refuses a bad body with 400 and an unknown conversation with 404', async () => {
    const conv = await create();
    const bad = await h.call('PATCH', `${LIST}/${conv.id}`, ONE, { payload: { status: 'DONE' } });
    expect(bad).toMatchObject({
      status: 400,
      body: {
        requestError: {
          serviceException: { messageId: 'BAD_REQUEST', validationErrors: { status: [expect.any(String)] } },
        },
      },
    });
    const missing = await h.call('PATCH', `${LIST}/${crypto.randomUUID()}`, ONE, {
      payload: { priority: 'HIGH' },
    });
    expect(missing).toMatchObject({ status: 404, body: serviceException('NOT_FOUND') });
    const assign = await h.call('PUT', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`, { payload: {} });
    expect(assign).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
  });
});

describe('assignee, route and tags', () => {
  it('assigns, routes back to the Default queue unassigned, tags and untags by name', async () => {
    const conv = await create({ queueId: h.desk.queue.id });
    const assigned = await h.call('PUT', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`, {
      payload: { agentId: userId(h.desk.agentA) },
    });
    expect(assigned.body.agentId).toBe(userId(h.desk.agentA));
    const notMember = await h.call('PUT', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`, {
      payload: { agentId: userId(h.desk.agentB) },
    });
    expect(notMember).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });

    const routed = await h.call('POST', `${LIST}/${conv.id}/route`, `${ONE}/route`);
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ id: conv.id, queueId: h.desk.defaultQueue.id });
    expect(routed.body.agentId).toBeUndefined();

    const tagged = await h.call('POST', `${LIST}/${conv.id}/tags`, `${ONE}/tags`, {
      payload: { tagName: h.desk.tag.name },
    });
    expect(tagged).toEqual({
      status: 200,
      body: { statusCode: 'SUCCESS', message: 'Tag added to conversation successfully.' },
    });
    const listed = await h.call('GET', `/ccaas/1/tags?conversationId=${conv.id}`, '/ccaas/1/tags');
    expect(listed.body.tags.map((t: { name: string }) => t.name)).toEqual([h.desk.tag.name]);
    const untagged = await h.call(
      'DELETE',
      `${LIST}/${conv.id}/tags/${encodeURIComponent(h.desk.tag.name)}`,
      `${ONE}/tags/{tagName}`,
    );
    expect(untagged).toEqual({
      status: 200,
      body: { statusCode: 'SUCCESS', message: 'Tag removed successfully.' },
    });
    const unknown = await h.call('POST', `${LIST}/${conv.id}/tags`, `${ONE}/tags`, {
      payload: { tagName: 'INVALID_TAG_NAME' },
    });
    expect(unknown).toEqual({
      status: 400,
      body: serviceException('NOT_FOUND', "Invalid tagName 'INVALID_TAG_NAME' given! No such entity exists."),
    });
    expect((await logOf(h.db, conv.id)).map((e) => e.kind).sort()).toEqual([
      'assignment',
      'assignment',
      'queue',
      'tag',
      'tag',
    ]);
  });

  it('refuses every change to a CLOSED conversation with the reference envelope', async () => {
    const conv = await create({ status: 'CLOSED' });
    const closed = serviceException('BAD_REQUEST', 'Closed conversation cannot be changed');
    const attempts = [
      h.call('PATCH', `${LIST}/${conv.id}`, ONE, { payload: { priority: 'HIGH' } }),
      h.call('PUT', `${LIST}/${conv.id}`, ONE, { payload: { topic: conv.topic } }),
      h.call('PUT', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`, {
        payload: { agentId: userId(h.desk.agentA) },
      }),
      h.call('DELETE', `${LIST}/${conv.id}/assignee`, `${ONE}/assignee`),
      h.call('POST', `${LIST}/${conv.id}/route`, `${ONE}/route`),
      h.call('POST', `${LIST}/${conv.id}/tags`, `${ONE}/tags`, { payload: { tagName: h.desk.tag.name } }),
    ];
    for (const res of await Promise.all(attempts)) expect(res).toEqual({ status: 400, body: closed });
    expect((await h.call('GET', `${LIST}/${conv.id}`, ONE)).body).toEqual(conv);
  });
});

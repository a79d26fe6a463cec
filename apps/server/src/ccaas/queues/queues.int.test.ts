import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { findConversationById } from '../../modules/conversations/conversations.repo.ts';
import { createConversation } from '../../modules/conversations/threading.ts';
import { ensureDefaultQueue, setQueueMembers } from '../../modules/queues/queues.service.ts';
import { createApiKeyRecord } from '../../modules/users/api-keys.service.ts';
import { insertTestUser } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { validateResponse } from '../contract.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let authorization: string;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  authorization = `App ${(await createApiKeyRecord(db.orm, 'queues test', null)).key}`;
  return () => app.close();
});

async function call(method: InjectOptions['method'], url: string, template: string, payload?: unknown) {
  const options: InjectOptions = { method, url, headers: { authorization } };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  const res = await app.inject(options);
  const body = res.body ? res.json() : undefined;
  expect(validateResponse(String(method), template, res.statusCode, body)).toEqual([]);
  return { status: res.statusCode, body };
}

const unique = () => crypto.randomUUID().slice(0, 6);
const create = (name: string) => call('POST', '/ccaas/1/queues', '/ccaas/1/queues', { name });
const badRequest = {
  status: 400,
  body: { requestError: { serviceException: { messageId: 'BAD_REQUEST' } } },
};

describe('/ccaas/1/queues', () => {
  it('creates a queue and counts its enabled agents', async () => {
    const created = await create(`Spanish Support ${unique()}`);
    expect(created.body).toMatchObject({ enabledAgentsCount: 0, isAutoAssignmentEnabled: false });
    const [a, b] = await Promise.all([insertTestUser(db, ['agent']), insertTestUser(db, ['agent'])]);
    await setQueueMembers(ctx.events, created.body.id, [a.id, b.id]);
    await db.pool.query('update users set enabled = false where id = $1', [b.id]);
    const listed = await call('GET', `/ccaas/1/queues?queueIds=${created.body.id}`, '/ccaas/1/queues');
    expect(listed.body.queues).toEqual([
      expect.objectContaining({ id: created.body.id, enabledAgentsCount: 1 }),
    ]);
    expect(
      (await call('GET', `/ccaas/1/queues?agentId=${a.id}`, '/ccaas/1/queues')).body.queues,
    ).toHaveLength(1);
  });

  it('refuses a duplicate name and settings Parley does not have', async () => {
    const name = `Billing ${unique()}`;
    await create(name);
    expect(await create(name.toUpperCase())).toMatchObject(badRequest);
    const restricted = await call('POST', '/ccaas/1/queues', '/ccaas/1/queues', {
      name: `Hours ${unique()}`,
      workingHoursId: 'wh-1',
    });
    expect(restricted.body.requestError.serviceException.validationErrors).toHaveProperty('workingHoursId');
    const { body } = await create(`Perf ${unique()}`);
    for (const [field, value] of [
      ['autoAssignmentAlgorithm', 'PERFORMANCE_BASED'],
      ['isRestricted', true],
      ['isAutoAssignmentOutsideOfWorkingHoursEnabled', true],
      ['stickyAgentTimeoutDays', 3],
    ] as const) {
      const res = await call('PUT', `/ccaas/1/queues/${body.id}`, '/ccaas/1/queues/{queueId}', {
        [field]: value,
      });
      expect(res.body.requestError.serviceException.validationErrors, field).toHaveProperty(field);
    }
  });

  it('maps automatic assignment, its algorithm and the sticky agent onto the queue settings', async () => {
    const created = await call('POST', '/ccaas/1/queues', '/ccaas/1/queues', {
      name: `Auto ${unique()}`,
      isAutoAssignmentEnabled: true,
    });
    expect(created.body).toMatchObject({
      isAutoAssignmentEnabled: true,
      autoAssignmentAlgorithm: 'ROUND_ROBIN',
      isStickyAutoAssignmentEnabled: false,
    });
    const url = `/ccaas/1/queues/${created.body.id}`;
    const updated = await call('PUT', url, '/ccaas/1/queues/{queueId}', {
      autoAssignmentAlgorithm: 'LOAD_BALANCING',
      isStickyAutoAssignmentEnabled: true,
      stickyAgentTimeoutDays: 14,
    });
    expect(updated.body).toMatchObject({
      isAutoAssignmentEnabled: true,
      autoAssignmentAlgorithm: 'LOAD_BALANCING',
      isStickyAutoAssignmentEnabled: true,
      stickyAgentTimeoutDays: 14,
    });
    const row = await db.pool.query(
      'select auto_assign, algorithm, sticky_agent_days from queues where id = $1',
      [created.body.id],
    );
    expect(row.rows[0]).toEqual({ auto_assign: true, algorithm: 'LEAST_LOAD', sticky_agent_days: 14 });
    // Days alone change an enabled sticky agent; turning it off clears them.
    expect(
      (await call('PUT', url, '/ccaas/1/queues/{queueId}', { stickyAgentTimeoutDays: 3 })).body,
    ).toMatchObject({ stickyAgentTimeoutDays: 3 });
    const off = await call('PUT', url, '/ccaas/1/queues/{queueId}', {
      isAutoAssignmentEnabled: false,
      isStickyAutoAssignmentEnabled: false,
    });
    expect(off.body).toMatchObject({ isAutoAssignmentEnabled: false, isStickyAutoAssignmentEnabled: false });
    expect(off.body).not.toHaveProperty('stickyAgentTimeoutDays');
  });

  it('renames a queue; settings that ask for nothing are accepted', async () => {
    const { body } = await create(`Old ${unique()}`);
    const name = `New ${unique()}`;
    const renamed = await call('PUT', `/ccaas/1/queues/${body.id}`, '/ccaas/1/queues/{queueId}', {
      name,
      isAutoAssignmentEnabled: false,
      workingHoursId: null,
      isRestricted: false,
      externalId: null,
    });
    expect(renamed.body).toMatchObject({ id: body.id, name });
  });

  it('keeps the Default queue: no rename, no delete', async () => {
    const def = await ensureDefaultQueue(db.orm);
    const rename = await call('PUT', `/ccaas/1/queues/${def.id}`, '/ccaas/1/queues/{queueId}', {
      name: 'Renamed',
    });
    expect(rename).toMatchObject(badRequest);
    expect(
      (await call('PUT', `/ccaas/1/queues/${def.id}`, '/ccaas/1/queues/{queueId}', { name: 'Default' }))
        .status,
    ).toBe(200);
    expect(await call('DELETE', `/ccaas/1/queues/${def.id}`, '/ccaas/1/queues/{queueId}')).toMatchObject(
      badRequest,
    );
  });

  it('deletes a queue, moving its open conversations to the Default queue', async () => {
    const { body } = await create(`Doomed ${unique()}`);
    const conv = await createConversation(ctx.events, { kind: 'automation' }, { queueId: body.id });
    const deleted = await call('DELETE', `/ccaas/1/queues/${body.id}`, '/ccaas/1/queues/{queueId}');
    expect(deleted.body).toEqual({ statusCode: 'SUCCESS', message: 'Queue deleted successfully.' });
    const def = await ensureDefaultQueue(db.orm);
    expect((await findConversationById(db.orm, conv.id))?.queueId).toBe(def.id);
    const again = await call('DELETE', `/ccaas/1/queues/${body.id}`, '/ccaas/1/queues/{queueId}');
    expect(again).toEqual({
      status: 400,
      body: {
        requestError: {
          serviceException: {
            messageId: 'NOT_FOUND',
            text: `Invalid id '${body.id}' given! No such entity exists.`,
          },
        },
      },
    });
    const listed = await call('GET', `/ccaas/1/queues?queueIds=${body.id}`, '/ccaas/1/queues');
    expect(listed.body.queues).toEqual([]);
  });

  it('lists by name with ordering and paging', async () => {
    const tag = unique();
    for (const n of ['b', 'a', 'c']) await create(`${tag} ${n}`);
    const page = await call(
      'GET',
      `/ccaas/1/queues?name=${tag}&orderBy=name:desc&limit=2`,
      '/ccaas/1/queues',
    );
    expect(page.body.queues.map((q: { name: string }) => q.name)).toEqual([`${tag} c`, `${tag} b`]);
    expect(page.body.pagination).toEqual({ totalItems: 3, page: 0, limit: 2, orderBy: 'name:DESC,id:ASC' });
    expect(
      (await call('GET', `/ccaas/1/queues?name=${tag}&workingHoursId=x`, '/ccaas/1/queues')).body.queues,
    ).toEqual([]);
  });
});

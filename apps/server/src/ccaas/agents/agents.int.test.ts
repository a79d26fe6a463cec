import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { assignConversation } from '../../modules/conversations/conversations.service.ts';
import { createConversation } from '../../modules/conversations/threading.ts';
import { listQueueMemberIds } from '../../modules/queues/queues.repo.ts';
import { createQueue, setQueueMembers } from '../../modules/queues/queues.service.ts';
import { createApiKeyRecord } from '../../modules/users/api-keys.service.ts';
import { insertTestUser, PASSWORD } from '../../modules/users/test-helpers.ts';
import { resetUserPassword } from '../../modules/users/users.service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { validateResponse } from '../contract.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let authorization: string;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  authorization = `App ${(await createApiKeyRecord(db.orm, 'agents test', null)).key}`;
  return () => app.close();
});

/** Calls the API with the key and checks the answer against the reference schema of `template`. */
async function call(method: InjectOptions['method'], url: string, template: string, payload?: unknown) {
  const options: InjectOptions = { method, url, headers: { authorization } };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  const res = await app.inject(options);
  const body = res.body ? res.json() : undefined;
  expect(validateResponse(String(method), template, res.statusCode, body)).toEqual([]);
  return { status: res.statusCode, body };
}

const newAgent = (overrides: Record<string, unknown> = {}) =>
  call('POST', '/ccaas/1/agents', '/ccaas/1/agents', {
    displayName: `Agent ${crypto.randomUUID().slice(0, 6)}`,
    status: 'ACTIVE',
    role: 'AGENT',
    ...overrides,
  });

describe('/ccaas/1/agents', () => {
  it('creates an agent without a password who signs in once an admin resets it', async () => {
    const email = `angus-${crypto.randomUUID().slice(0, 6)}@example.test`;
    const created = await newAgent({ displayName: 'Angus Young', role: 'SUPERVISOR', email });
    expect(created).toMatchObject({
      status: 200,
      body: { displayName: 'Angus Young', status: 'ACTIVE', role: 'SUPERVISOR', enabled: true },
    });
    const got = await call('GET', `/ccaas/1/agents/${created.body.id}`, '/ccaas/1/agents/{agentId}');
    expect(got.body).toMatchObject({ id: created.body.id, email, availability: 'ACTIVE' });

    const login = () =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect((await login()).statusCode).toBe(401);
    await resetUserPassword(ctx.events, created.body.id, PASSWORD);
    expect((await login()).statusCode).toBe(200);
  });

  it('gives an agent created without e-mail an unroutable sign-in address', async () => {
    const { body } = await newAgent();
    const got = await call('GET', `/ccaas/1/agents/${body.id}`, '/ccaas/1/agents/{agentId}');
    expect(got.body.email).toMatch(/@agents\.invalid$/);
  });

  it('names OFFLINE INVISIBLE and maps statuses both ways', async () => {
    const { body } = await newAgent({ status: 'INVISIBLE' });
    expect(body.status).toBe('INVISIBLE');
    const busy = await call('PUT', `/ccaas/1/agents/${body.id}/status`, '/ccaas/1/agents/{agentId}/status', {
      status: 'BUSY',
    });
    expect(busy.body).toMatchObject({ status: 'BUSY', availability: 'BUSY' });
    const { rows } = await db.pool.query('select availability from users where id = $1', [body.id]);
    expect(rows[0].availability).toBe('BUSY');
    await call('PUT', `/ccaas/1/agents/${body.id}/status`, '/ccaas/1/agents/{agentId}/status', {
      status: 'INVISIBLE',
    });
    const again = await db.pool.query('select availability from users where id = $1', [body.id]);
    expect(again.rows[0].availability).toBe('OFFLINE');
  });

  it('updates name, role and enabled; a disabled agent is INVISIBLE and takes no status', async () => {
    const { body } = await newAgent();
    const url = `/ccaas/1/agents/${body.id}`;
    const promoted = await call('PUT', url, '/ccaas/1/agents/{agentId}', {
      displayName: 'Bon Scott',
      role: 'SUPERVISOR',
      status: 'AWAY',
    });
    expect(promoted.body).toMatchObject({
      displayName: 'Bon Scott',
      role: 'SUPERVISOR',
      status: 'AWAY',
      enabled: true,
    });
    const disabled = await call('PUT', url, '/ccaas/1/agents/{agentId}', {
      displayName: 'Bon Scott',
      role: 'AGENT',
      status: 'ACTIVE',
      enabled: false,
    });
    expect(disabled.body).toMatchObject({ role: 'AGENT', status: 'INVISIBLE', enabled: false });
    const refused = await call('PUT', `${url}/status`, '/ccaas/1/agents/{agentId}/status', {
      status: 'ACTIVE',
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { requestError: { serviceException: { messageId: 'BAD_REQUEST' } } },
    });
    const enabled = await call('PUT', url, '/ccaas/1/agents/{agentId}', {
      displayName: 'Bon Scott',
      role: 'AGENT',
      status: 'ACTIVE',
      enabled: true,
    });
    expect(enabled.body).toMatchObject({ status: 'ACTIVE', enabled: true });
  });

  it('leaves admins alone: not listed, and every agent operation answers 400 NOT_FOUND', async () => {
    const queue = await createQueue(ctx.events, `Admins ${crypto.randomUUID().slice(0, 6)}`);
    for (const roles of [
      ['admin', 'agent'],
      ['admin', 'supervisor', 'agent'],
    ] as const) {
      const admin = await insertTestUser(db, [...roles]);
      await setQueueMembers(ctx.events, queue.id, [admin.id]);
      const notFound = {
        status: 400,
        body: {
          requestError: {
            serviceException: { messageId: 'NOT_FOUND', text: `Invalid agent id given '${admin.id}'` },
          },
        },
      };
      const url = `/ccaas/1/agents/${admin.id}`;
      const request = { displayName: 'Demoted', role: 'AGENT', status: 'ACTIVE', enabled: false };
      expect(await call('GET', url, '/ccaas/1/agents/{agentId}')).toEqual(notFound);
      expect(await call('PUT', url, '/ccaas/1/agents/{agentId}', request)).toEqual(notFound);
      expect(
        await call('PUT', `${url}/status`, '/ccaas/1/agents/{agentId}/status', { status: 'BUSY' }),
      ).toEqual(notFound);
      expect(
        await call('POST', `${url}/queues`, '/ccaas/1/agents/{agentId}/queues', { queueId: queue.id }),
      ).toEqual(notFound);
      expect(
        await call('DELETE', `${url}/queues/${queue.id}`, '/ccaas/1/agents/{agentId}/queues/{queueId}'),
      ).toEqual(notFound);
      expect(await call('GET', `${url}/conversations`, '/ccaas/1/agents/{agentId}/conversations')).toEqual(
        notFound,
      );
      const listed = await call('GET', `/ccaas/1/agents?agentIds=${admin.id}`, '/ccaas/1/agents');
      expect(listed.body.agents).toEqual([]);
      const { rows } = await db.pool.query(
        'select roles, enabled, display_name, availability from users where id = $1',
        [admin.id],
      );
      expect(rows[0]).toMatchObject({
        enabled: true,
        display_name: admin.displayName,
        availability: 'OFFLINE',
      });
      expect([...rows[0].roles].sort()).toEqual([...roles].sort());
      expect(await listQueueMemberIds(db.orm, queue.id)).toEqual([admin.id]);
    }
  });

  it('adds the agent to a queue and removes them, idempotently', async () => {
    const { body } = await newAgent();
    const queue = await createQueue(ctx.events, `Agents ${crypto.randomUUID().slice(0, 6)}`);
    const add = () =>
      call('POST', `/ccaas/1/agents/${body.id}/queues`, '/ccaas/1/agents/{agentId}/queues', {
        queueId: queue.id,
      });
    expect((await add()).body).toEqual({
      statusCode: 'SUCCESS',
      message: 'Agent added to queue successfully.',
    });
    await add();
    expect(await listQueueMemberIds(db.orm, queue.id)).toEqual([body.id]);
    const removed = await call(
      'DELETE',
      `/ccaas/1/agents/${body.id}/queues/${queue.id}`,
      '/ccaas/1/agents/{agentId}/queues/{queueId}',
    );
    expect(removed.status).toBe(200);
    expect(await listQueueMemberIds(db.orm, queue.id)).toEqual([]);
    const unknown = await call(
      'POST',
      `/ccaas/1/agents/${body.id}/queues`,
      '/ccaas/1/agents/{agentId}/queues',
      { queueId: 'nope' },
    );
    expect(unknown.body.requestError.serviceException).toMatchObject({ messageId: 'NOT_FOUND' });
  });

  it('is not blocked by a member disabled since they joined', async () => {
    const [first, second] = [(await newAgent()).body, (await newAgent()).body];
    const queue = await createQueue(ctx.events, `Stale ${crypto.randomUUID().slice(0, 6)}`);
    const path = '/ccaas/1/agents/{agentId}/queues';
    await call('POST', `/ccaas/1/agents/${first.id}/queues`, path, { queueId: queue.id });
    await call('PUT', `/ccaas/1/agents/${first.id}`, '/ccaas/1/agents/{agentId}', {
      ...first,
      enabled: false,
    });
    expect(
      (await call('POST', `/ccaas/1/agents/${second.id}/queues`, path, { queueId: queue.id })).status,
    ).toBe(200);
    expect(
      (await call('POST', `/ccaas/1/agents/${first.id}/queues`, path, { queueId: queue.id })).status,
    ).toBe(200);
    expect(await listQueueMemberIds(db.orm, queue.id)).toEqual([first.id, second.id].sort());
  });

  it('adds concurrently without losing a member', async () => {
    const queue = await createQueue(ctx.events, `Race ${crypto.randomUUID().slice(0, 6)}`);
    const agents = await Promise.all(Array.from({ length: 5 }, () => newAgent()));
    await Promise.all(
      agents.map(({ body }) =>
        call('POST', `/ccaas/1/agents/${body.id}/queues`, '/ccaas/1/agents/{agentId}/queues', {
          queueId: queue.id,
        }),
      ),
    );
    expect((await listQueueMemberIds(db.orm, queue.id)).length).toBe(5);
  });

  it("lists the agent's conversations, paged", async () => {
    const { body } = await newAgent();
    const queue = await createQueue(ctx.events, `Mine ${crypto.randomUUID().slice(0, 6)}`);
    await setQueueMembers(ctx.events, queue.id, [body.id]);
    const automation = { kind: 'automation' } as const;
    for (const topic of ['first', 'second', 'third']) {
      const conv = await createConversation(ctx.events, automation, { queueId: queue.id, topic });
      if (topic !== 'third') await assignConversation(ctx.events, automation, conv.id, body.id);
    }
    const url = `/ccaas/1/agents/${body.id}/conversations?orderBy=topic:desc&limit=1`;
    const page = await call('GET', url, '/ccaas/1/agents/{agentId}/conversations');
    expect(page.body.conversations.map((c: { topic: string }) => c.topic)).toEqual(['second']);
    expect(page.body.pagination).toMatchObject({ totalItems: 2, limit: 1 });
    const unknown = await call(
      'GET',
      '/ccaas/1/agents/x/conversations',
      '/ccaas/1/agents/{agentId}/conversations',
    );
    expect(unknown.status).toBe(400);
  });

  it('lists with filters, ordering and paging', async () => {
    const tag = crypto.randomUUID().slice(0, 6);
    const queue = await createQueue(ctx.events, `List ${tag}`);
    const made = [];
    for (const [i, role] of (['AGENT', 'SUPERVISOR', 'AGENT'] as const).entries()) {
      made.push(
        (await newAgent({ displayName: `${tag} ${i}`, role, status: i === 2 ? 'AWAY' : 'ACTIVE' })).body,
      );
    }
    await call('POST', `/ccaas/1/agents/${made[0].id}/queues`, '/ccaas/1/agents/{agentId}/queues', {
      queueId: queue.id,
    });
    const list = async (query: string) =>
      (await call('GET', `/ccaas/1/agents?${query}`, '/ccaas/1/agents')).body;

    const all = await list(`displayName=${tag.toUpperCase()}&orderBy=displayName:desc`);
    expect(all.agents.map((a: { displayName: string }) => a.displayName)).toEqual([
      `${tag} 2`,
      `${tag} 1`,
      `${tag} 0`,
    ]);
    expect(all.pagination).toEqual({ totalItems: 3, page: 0, limit: 10, orderBy: 'displayName:DESC,id:ASC' });
    expect(
      (await list(`displayName=${tag}&role=SUPERVISOR`)).agents.map((a: { id: string }) => a.id),
    ).toEqual([made[1].id]);
    expect((await list(`displayName=${tag}&status=AWAY`)).agents.map((a: { id: string }) => a.id)).toEqual([
      made[2].id,
    ]);
    expect((await list(`queueIds=${queue.id}`)).agents.map((a: { id: string }) => a.id)).toEqual([
      made[0].id,
    ]);
    expect((await list(`agentIds=${made[0].id}&agentIds=${made[2].id}`)).pagination.totalItems).toBe(2);
    const second = await list(`displayName=${tag}&orderBy=displayName:asc&limit=2&page=1`);
    expect(second.agents.map((a: { displayName: string }) => a.displayName)).toEqual([`${tag} 2`]);
    expect((await list(`displayName=${tag}&enabled=false`)).agents).toEqual([]);
    expect(
      (await list(`displayName=${tag}&createdAfter=${encodeURIComponent('2999-01-01T00:00:00.000+0000')}`))
        .agents,
    ).toEqual([]);
  });

  it('refuses a page size over 999 and an unknown order field in the envelope', async () => {
    for (const query of ['limit=1000', 'orderBy=password:asc']) {
      const res = await call('GET', `/ccaas/1/agents?${query}`, '/ccaas/1/agents');
      expect(res).toMatchObject({
        status: 400,
        body: { requestError: { serviceException: { messageId: 'BAD_REQUEST' } } },
      });
    }
  });

  it('needs an API key', async () => {
    const res = await app.inject({ method: 'GET', url: '/ccaas/1/agents' });
    expect(res.statusCode).toBe(401);
    expect(validateResponse('GET', '/ccaas/1/agents', 401, res.json())).toEqual([]);
  });
});

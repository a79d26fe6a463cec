import type { Agent } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { assignConversation, setConversationStatus } from '../conversations/conversations.service.ts';
import { createConversation } from '../conversations/threading.ts';
import { createQueue, setQueueMembers } from '../queues/queues.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { insertTestUser, signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let agent: TestSession;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  agent = await signedInUser(app, db, ['agent']);
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/agents', () => {
  it('is for signed-in people: 401 anonymous, 403 for API keys', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/agents' })).statusCode).toBe(401);
    const key = (await createApiKeyRecord(db.orm, 'agents test', null)).key;
    const res = await app.inject({
      method: 'GET',
      url: '/api/agents',
      headers: { authorization: `App ${key}` },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lists enabled agents with availability, load of non-closed assignments, capacity and queues', async () => {
    const zed = await insertTestUser(db, ['agent'], { displayName: 'Zed' });
    await insertTestUser(db, ['admin'], { displayName: 'Admin only' });
    const supervisor = { kind: 'supervisor' as const, userId: (await insertTestUser(db, ['supervisor'])).id };
    const queue = await createQueue(ctx.events, 'Sales');
    await setQueueMembers(ctx.events, queue.id, [zed.id]);
    for (const status of ['OPEN', 'WAITING', 'CLOSED'] as const) {
      const conv = await createConversation(ctx.events, supervisor, {});
      await assignConversation(ctx.events, supervisor, conv.id, zed.id);
      await setConversationStatus(ctx.events, supervisor, conv.id, status);
    }

    const res = await app.inject({ method: 'GET', url: '/api/agents', headers: agent.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Agent[] }>().items;
    expect(items.map((a) => a.displayName)).toEqual(
      [agent.user.displayName, 'Zed'].sort((a, b) => a.localeCompare(b)),
    );
    expect(items.find((a) => a.id === zed.id)).toMatchObject({
      availability: 'OFFLINE',
      load: 2,
      capacity: 5,
      queueIds: [queue.id],
    });
    expect(items.find((a) => a.id === agent.user.id)).toMatchObject({
      availability: 'ACTIVE',
      load: 0,
      queueIds: [],
    });
  });
});

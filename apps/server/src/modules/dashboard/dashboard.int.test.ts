import type { Dashboard } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoutingDesk, type RoutingDesk } from '../assignment/test-support.ts';
import { replaceRoutingRules } from '../routing/routing.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';

let desk: RoutingDesk;
beforeAll(async () => {
  desk = await createRoutingDesk();
});
afterAll(() => desk.app.close());

describe('GET /api/dashboard', () => {
  it('401 anonymous, 403 for agents and API keys', async () => {
    expect((await desk.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
    const key = `App ${(await createApiKeyRecord(desk.db.orm, 'dash', null)).key}`;
    for (const headers of [desk.plainAgent.headers, { authorization: key }]) {
      expect((await desk.app.inject({ method: 'GET', url: '/api/dashboard', headers })).statusCode).toBe(403);
    }
  });

  it('shows agents with status, load and timeline, queues with waiting conversations, and counts', async () => {
    const busy = await desk.agent('ACTIVE');
    await desk.setAvailability(busy, 'BUSY');
    const queueId = await desk.queue([busy], { autoAssign: true });
    await replaceRoutingRules(desk.ctx.events, [
      {
        name: 'all',
        queueId,
        expression: { $eq: { 'message.channel': 'SMS' } },
        enabled: true,
        priority: 'NORMAL',
        tagIds: [],
        botId: null,
        routeOnlyDuringWorkingHours: false,
      },
    ]);
    const first = await desk.message('one');
    await desk.message('two');
    const res = await desk.app.inject({
      method: 'GET',
      url: '/api/dashboard',
      headers: desk.supervisor.headers,
    });
    expect(res.statusCode).toBe(200);
    const dash = res.json<Dashboard>();
    const agent = dash.agents.find((a) => a.userId === busy);
    expect(agent).toMatchObject({ availability: 'BUSY', load: 0, capacity: 5, queueIds: [queueId] });
    expect(agent?.timeline.map((s) => s.availability)).toEqual(['ACTIVE', 'BUSY']);
    expect(agent?.timeline.at(-1)).toMatchObject({ availability: 'BUSY', to: null });
    const queue = dash.queues.find((q) => q.queueId === queueId);
    expect(queue).toMatchObject({ waiting: 2, activeMembers: 0, autoAssign: true });
    expect(queue?.longestWaitingSince).toBe(first.pendingSince?.toISOString());
    expect(dash.unassigned).toBeGreaterThanOrEqual(2);
    expect(dash.byStatus.OPEN).toBeGreaterThanOrEqual(2);
    expect(Object.keys(dash.byStatus).sort()).toEqual(['CLOSED', 'OPEN', 'SOLVED', 'WAITING']);

    await desk.setAvailability(busy, 'ACTIVE');
    const after = (
      await desk.app.inject({ method: 'GET', url: '/api/dashboard', headers: desk.supervisor.headers })
    ).json<Dashboard>();
    expect(after.agents.find((a) => a.userId === busy)).toMatchObject({ availability: 'ACTIVE', load: 2 });
    expect(after.queues.find((q) => q.queueId === queueId)).toMatchObject({
      waiting: 0,
      longestWaitingSince: null,
    });
  });
});

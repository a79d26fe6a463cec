import type { QueueSettingsResponse, RoutingRule, SimulateRoutingResult } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { createQueue } from '../queues/queues.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

// The supervisor routes of issue 6: routing rules, queue settings and agent capacities.

let app: App;
let db: Db;
let supervisor: TestSession;
let agent: TestSession;
let apiKey: { authorization: string };
let queueId: string;

beforeAll(async () => {
  let ctx: Awaited<ReturnType<typeof buildTestApp>>['ctx'];
  ({ app, db, ctx } = await buildTestApp());
  supervisor = await signedInUser(app, db, ['agent', 'supervisor']);
  agent = await signedInUser(app, db, ['agent']);
  apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'routing test', null)).key}` };
  queueId = (await createQueue(ctx.events, 'Billing')).id;
});
afterAll(() => app.close());

const someId = '00000000-0000-4000-8000-000000000000';
const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const call = (
  method: 'GET' | 'PUT' | 'PATCH' | 'POST',
  url: string,
  payload?: object,
  headers = supervisor.headers,
) => app.inject({ method, url, headers, ...(payload && { payload }) });

const rule = (extra: object = {}) => ({
  name: 'Invoices',
  queueId,
  expression: { $contains: { 'message.text': ['invoice', 'refund'] } },
  priority: 'HIGH',
  ...extra,
});

describe('access to the routing, queue settings and capacity routes', () => {
  const routes = [
    { method: 'GET', url: '/api/routing/rules' },
    { method: 'PUT', url: '/api/routing/rules', payload: { rules: [] } },
    { method: 'PATCH', url: `/api/routing/rules/${someId}`, payload: { enabled: false } },
    { method: 'POST', url: '/api/routing/simulate', payload: { channel: 'SMS' } },
    { method: 'GET', url: `/api/queues/${someId}/settings` },
    { method: 'PATCH', url: `/api/queues/${someId}/settings`, payload: { autoAssign: true } },
    { method: 'GET', url: '/api/agent-capacities' },
    { method: 'PUT', url: `/api/agent-capacities/${someId}`, payload: { capacity: 3 } },
  ] as const;
  for (const route of routes) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for agents and API keys`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      expect((await app.inject({ method: route.method, url: route.url, payload })).statusCode).toBe(401);
      for (const headers of [agent.headers, apiKey]) {
        expect(
          (await app.inject({ method: route.method, url: route.url, payload, headers })).statusCode,
        ).toBe(403);
      }
    });
  }

  it('answers 400 to bad bodies and ids, 404 to unknown ones', async () => {
    const bad = [
      ['PUT', '/api/routing/rules', { rules: [rule({ expression: { $regex: {} } })] }],
      ['PUT', '/api/routing/rules', { rules: [rule({ expression: { $eq: { 'message.nope': 1 } } })] }],
      ['PUT', '/api/routing/rules', { rules: [rule({ priority: 'SOON' })] }],
      ['PATCH', '/api/routing/rules/nope', { enabled: true }],
      ['POST', '/api/routing/simulate', { channel: 'PIGEON' }],
      ['PATCH', `/api/queues/${queueId}/settings`, { algorithm: 'RANDOM' }],
      [
        'PATCH',
        `/api/queues/${queueId}/settings`,
        { workingHours: { timeZone: 'Mars/Olympus', weekly: [] } },
      ],
      [
        'PATCH',
        `/api/queues/${queueId}/settings`,
        { workingHours: { timeZone: 'UTC', weekly: [{ day: 'MON', from: '17:00', to: '09:00' }] } },
      ],
      ['PUT', `/api/agent-capacities/${agent.user.id}`, { capacity: -1 }],
    ] as const;
    for (const [method, url, payload] of bad) {
      const res = await call(method, url, payload);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
    }
    const missing = [
      ['PATCH', `/api/routing/rules/${someId}`, { enabled: true }],
      ['GET', `/api/queues/${someId}/settings`, undefined],
      ['PATCH', `/api/queues/${someId}/settings`, { autoAssign: true }],
      ['PUT', `/api/agent-capacities/${someId}`, { capacity: 2 }],
      ['POST', '/api/routing/simulate', { channel: 'SMS', customerId: someId }],
    ] as const;
    for (const [method, url, payload] of missing) {
      const res = await call(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    const unknownQueue = await call('PUT', '/api/routing/rules', { rules: [rule({ queueId: someId })] });
    expect([unknownQueue.statusCode, errorCode(unknownQueue)]).toEqual([422, 'validation_failed']);
  });
});

describe('routing rules for supervisors', () => {
  it('saves the ordered list, toggles a rule and simulates', async () => {
    const saved = await call('PUT', '/api/routing/rules', {
      rules: [
        rule(),
        rule({ name: 'Everything SMS', priority: 'LOW', expression: { $eq: { 'message.channel': 'SMS' } } }),
      ],
    });
    expect(saved.statusCode).toBe(200);
    const items = saved.json<{ items: RoutingRule[] }>().items;
    expect(items.map((r) => [r.order, r.name, r.enabled, r.queueName])).toEqual([
      [1, 'Invoices', true, 'Billing'],
      [2, 'Everything SMS', true, 'Billing'],
    ]);
    // Reordering keeps identities and creation times.
    const reordered = await call('PUT', '/api/routing/rules', { rules: [{ ...items[1] }, { ...items[0] }] });
    const again = reordered.json<{ items: RoutingRule[] }>().items;
    expect(again.map((r) => r.id)).toEqual([items[1]?.id, items[0]?.id]);
    expect(again[1]?.createdAt).toBe(items[0]?.createdAt);

    const off = await call('PATCH', `/api/routing/rules/${items[1]?.id}`, { enabled: false });
    expect(off.json<RoutingRule>()).toMatchObject({ id: items[1]?.id, enabled: false });

    const sim = await call('POST', '/api/routing/simulate', { channel: 'SMS', text: 'Refund please' });
    expect(sim.json<SimulateRoutingResult>()).toMatchObject({
      decision: { matchedOrder: 2, ruleId: items[0]?.id, queueId, priority: 'HIGH' },
      rules: [
        { order: 1, outcome: 'DISABLED' },
        { order: 2, outcome: 'MATCHED' },
      ],
    });
    const unsaved = await call('POST', '/api/routing/simulate', {
      channel: 'VIBER',
      text: 'hi',
      rules: [rule()],
    });
    expect(unsaved.json<SimulateRoutingResult>().decision).toMatchObject({
      matchedOrder: null,
      ruleId: null,
      priority: 'NORMAL',
    });
  });
});

describe('queue settings and capacities', () => {
  it('reads and changes a queue’s settings', async () => {
    const initial = await call('GET', `/api/queues/${queueId}/settings`);
    expect(initial.json<QueueSettingsResponse>()).toEqual({
      queueId,
      autoAssign: false,
      algorithm: 'ROUND_ROBIN',
      stickyAgentDays: null,
      onAgentUnavailable: 'KEEP',
      workingHours: null,
      awayReply: null,
      openToAllAgents: false,
      openNow: true,
    });
    const hours = {
      timeZone: 'Europe/Zagreb',
      weekly: [],
      holidays: [{ date: '2026-12-25', name: 'Christmas' }],
    };
    const changed = await call('PATCH', `/api/queues/${queueId}/settings`, {
      autoAssign: true,
      algorithm: 'LEAST_LOAD',
      stickyAgentDays: 7,
      onAgentUnavailable: 'RETURN_TO_QUEUE',
      workingHours: hours,
      awayReply: 'We are closed, back tomorrow at 8.',
    });
    expect(changed.json<QueueSettingsResponse>()).toMatchObject({
      autoAssign: true,
      algorithm: 'LEAST_LOAD',
      workingHours: hours,
      openNow: false,
    });
    const partial = await call('PATCH', `/api/queues/${queueId}/settings`, { stickyAgentDays: null });
    expect(partial.json<QueueSettingsResponse>()).toMatchObject({
      stickyAgentDays: null,
      algorithm: 'LEAST_LOAD',
    });
  });

  it('overrides and clears an agent’s capacity', async () => {
    const set = await call('PUT', `/api/agent-capacities/${agent.user.id}`, { capacity: 8 });
    expect(set.json()).toMatchObject({ userId: agent.user.id, capacity: 8, override: 8 });
    const cleared = await call('PUT', `/api/agent-capacities/${agent.user.id}`, { capacity: null });
    expect(cleared.json()).toMatchObject({ capacity: 5, override: null });
    const list = await call('GET', '/api/agent-capacities');
    expect(list.json<{ items: { userId: string }[] }>().items.map((i) => i.userId)).toContain(agent.user.id);
  });
});

import type { Availability } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { replaceRoutingRules } from '../routing/routing.service.ts';
import { changeOwnAvailability } from '../users/availability.service.ts';
import { runQueue } from './assignment.service.ts';
import { checkAssignmentInvariants, NO_VIOLATIONS } from './assignment-invariants.ts';
import { setAgentCapacity } from './capacities.service.ts';
import { createRoutingDesk, ROUTING_SENDER, type RoutingDesk } from './test-support.ts';

// Two Parley "processes" (apps with their own event dispatchers) on one database take a burst of
// customer messages and availability flips at once; afterwards every invariant must hold.

let desk: RoutingDesk;
let second: { app: App; ctx: AppContext };
beforeAll(async () => {
  desk = await createRoutingDesk();
  second = await buildTestApp({}, desk.db);
});
afterAll(async () => {
  await second.app.close();
  await desk.app.close();
});

describe('automatic assignment under concurrency', () => {
  it('never exceeds capacity or strands a waiting conversation, across two processes', async () => {
    const agents = await Promise.all(Array.from({ length: 10 }, () => desk.agent()));
    for (const [i, a] of agents.entries()) await setAgentCapacity(desk.ctx.events, a, 1 + (i % 3));
    const queues = [
      await desk.queue(agents.slice(0, 6), {
        autoAssign: true,
        algorithm: 'ROUND_ROBIN',
        onAgentUnavailable: 'RETURN_TO_QUEUE',
      }),
      await desk.queue(agents.slice(3, 10), { autoAssign: true, algorithm: 'LEAST_LOAD' }),
      await desk.queue(agents.slice(0, 10), {
        autoAssign: true,
        algorithm: 'ROUND_ROBIN',
        stickyAgentDays: 3,
      }),
    ];
    await replaceRoutingRules(
      desk.ctx.events,
      queues.map((queueId, i) => ({
        name: `q${i}`,
        queueId,
        expression: { $contains: { 'message.text': `q${i}` } },
        enabled: true,
        priority: i === 1 ? 'HIGH' : 'NORMAL',
        tagIds: [],
        botId: null,
        routeOnlyDuringWorkingHours: false,
      })),
    );
    const processes = [desk.ctx, second.ctx];
    const statuses: Availability[] = ['ACTIVE', 'BUSY', 'AWAY', 'ACTIVE', 'OFFLINE', 'ACTIVE'];
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 90; i++) {
      const ctx = processes[i % 2] as AppContext;
      work.push(
        ingestInbound(ctx.events, {
          connectionId: '00000000-0000-4000-8000-000000000001',
          channel: 'SMS',
          providerMessageId: crypto.randomUUID(),
          // Some customers write twice: the same thread, and sticky agents in queue 2.
          from: `38598${String(i % 70).padStart(7, '0')}`,
          to: ROUTING_SENDER,
          receivedAt: new Date().toISOString(),
          contentType: 'TEXT',
          content: { text: `hello q${i % 3}` },
        }),
      );
      if (i % 3 === 0) {
        const agent = agents[(i * 7) % agents.length] as string;
        work.push(changeOwnAvailability(ctx.events, agent, statuses[i % statuses.length] as Availability));
      }
    }
    await Promise.all(work);
    await Promise.all(processes.map((p) => p.events.drain()));
    await Promise.all(processes.map((p) => p.events.drain()));

    const { rows } = await desk.db.pool.query(
      `select count(*)::int as n from conversations where queue_id = any($1) and assignee_user_id is not null`,
      [queues],
    );
    expect(rows[0].n).toBeGreaterThan(0);
    expect(await checkAssignmentInvariants(desk.db, queues)).toEqual(NO_VIOLATIONS);

    // A pile-up: conversations wait while assignment is off, then many runs (as if from many
    // processes) race for the same agents while they change status.
    await desk.db.pool.query('update queues set auto_assign = false where id = any($1)', [queues]);
    for (const a of agents) await changeOwnAvailability(desk.ctx.events, a, 'ACTIVE');
    await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        ingestInbound(desk.ctx.events, {
          connectionId: '00000000-0000-4000-8000-000000000001',
          channel: 'SMS',
          providerMessageId: crypto.randomUUID(),
          from: `38597${String(i).padStart(7, '0')}`,
          to: ROUTING_SENDER,
          receivedAt: new Date().toISOString(),
          contentType: 'TEXT',
          content: { text: `again q${i % 3}` },
        }),
      ),
    );
    await Promise.all(processes.map((p) => p.events.drain()));
    await desk.db.pool.query('update queues set auto_assign = true where id = any($1)', [queues]);
    await Promise.all([
      ...Array.from({ length: 24 }, (_, i) =>
        runQueue((processes[i % 2] as AppContext).events, queues[i % 3] as string),
      ),
      ...agents.slice(0, 4).map((a, i) => changeOwnAvailability(desk.ctx.events, a, i % 2 ? 'BUSY' : 'AWAY')),
    ]);
    await Promise.all(processes.map((p) => p.events.drain()));
    await Promise.all(processes.map((p) => p.events.drain()));
    expect(await checkAssignmentInvariants(desk.db, queues)).toEqual(NO_VIOLATIONS);
  });
});

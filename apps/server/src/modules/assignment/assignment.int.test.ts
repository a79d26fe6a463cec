import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setConversationPriority, setConversationStatus } from '../conversations/conversations.service.ts';
import { setQueueMembers } from '../queues/queues.service.ts';
import { replaceRoutingRules } from '../routing/routing.service.ts';
import { setAgentCapacity } from './capacities.service.ts';
import { createRoutingDesk, type RoutingDesk } from './test-support.ts';

let desk: RoutingDesk;
beforeAll(async () => {
  desk = await createRoutingDesk();
});
afterAll(() => desk.app.close());

/** Sends every new SMS conversation to `queueId`. */
async function routeAllTo(queueId: string) {
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
}

const AUTOMATION = { kind: 'automation' } as const;

describe('automatic assignment (D4)', () => {
  beforeEach(() => replaceRoutingRules(desk.ctx.events, []));

  it('round robin takes turns among Active members', async () => {
    const agents = [await desk.agent(), await desk.agent(), await desk.agent()];
    const away = await desk.agent('BUSY');
    await routeAllTo(await desk.queue([...agents, away], { autoAssign: true, algorithm: 'ROUND_ROBIN' }));
    const got: (string | null)[] = [];
    for (let i = 0; i < 9; i++) got.push((await desk.message(`rr ${i}`)).assigneeUserId);
    const counts = agents.map((a) => got.filter((g) => g === a).length);
    expect(counts).toEqual([3, 3, 3]);
    expect(got.slice(0, 3).sort()).toEqual([...agents].sort());
  });

  it('least load picks the member with the fewest conversations', async () => {
    const [busy, free] = [await desk.agent(), await desk.agent()];
    const queueId = await desk.queue([busy], { autoAssign: true, algorithm: 'LEAST_LOAD' });
    await routeAllTo(queueId);
    await desk.message('one');
    await desk.message('two');
    await setQueueMembers(desk.ctx.events, queueId, [busy, free]);
    await desk.settle();
    expect((await desk.message('three')).assigneeUserId).toBe(free);
    expect((await desk.message('four')).assigneeUserId).toBe(free);
    // 2 each now: the tie goes to whoever waited longest since their last assignment.
    expect((await desk.message('five')).assigneeUserId).toBe(busy);
  });

  it('never exceeds capacity; freed capacity pulls the next waiting conversation by priority', async () => {
    const agent = await desk.agent();
    await setAgentCapacity(desk.ctx.events, agent, 2);
    const queueId = await desk.queue([agent], { autoAssign: true });
    await routeAllTo(queueId);
    const [a, b, c, d] = [
      await desk.message('a'),
      await desk.message('b'),
      await desk.message('c'),
      await desk.message('d'),
    ];
    expect([a, b, c, d].map((x) => x.assigneeUserId)).toEqual([agent, agent, null, null]);
    await setConversationPriority(desk.ctx.events, AUTOMATION, d.id, 'URGENT');
    await setConversationStatus(desk.ctx.events, AUTOMATION, a.id, 'SOLVED');
    await desk.settle();
    expect((await desk.conversation(d.id)).assigneeUserId).toBe(agent);
    expect((await desk.conversation(c.id)).assigneeUserId).toBeNull();
  });

  it('waits while nobody is Active and assigns when an agent becomes Active', async () => {
    const agent = await desk.agent('BUSY');
    await routeAllTo(await desk.queue([agent], { autoAssign: true }));
    const conv = await desk.message('anyone?');
    expect(conv.assigneeUserId).toBeNull();
    await desk.setAvailability(agent, 'ACTIVE');
    expect((await desk.conversation(conv.id)).assigneeUserId).toBe(agent);
  });

  it('assigns nothing when automatic assignment is off', async () => {
    const agent = await desk.agent();
    await routeAllTo(await desk.queue([agent], { autoAssign: false }));
    expect((await desk.message('manual')).assigneeUserId).toBeNull();
  });

  it('on Away hands conversations back per queue setting and offers them to others', async () => {
    const [leaving, staying] = [await desk.agent(), await desk.agent('BUSY')];
    const returning = await desk.queue([leaving, staying], {
      autoAssign: true,
      onAgentUnavailable: 'RETURN_TO_QUEUE',
    });
    const keeping = await desk.queue([leaving], { autoAssign: true, onAgentUnavailable: 'KEEP' });
    await routeAllTo(returning);
    const r = await desk.message('return me');
    await routeAllTo(keeping);
    const k = await desk.message('keep me');
    expect([r.assigneeUserId, k.assigneeUserId]).toEqual([leaving, leaving]);
    await desk.setAvailability(staying, 'ACTIVE');
    await desk.setAvailability(leaving, 'AWAY');
    expect((await desk.conversation(r.id)).assigneeUserId).toBe(staying);
    expect((await desk.conversation(k.id)).assigneeUserId).toBe(leaving);
  });

  it('gives a returning customer their last agent within the sticky window', async () => {
    const agents = [await desk.agent(), await desk.agent(), await desk.agent()];
    await routeAllTo(await desk.queue(agents, { autoAssign: true, stickyAgentDays: 7 }));
    const from = '385990000777';
    const first = await desk.message('first visit', { from });
    await setConversationStatus(desk.ctx.events, AUTOMATION, first.id, 'CLOSED');
    await desk.settle();
    for (let i = 0; i < 3; i++) {
      const again = await desk.message(`visit ${i}`, { from });
      expect(again.assigneeUserId).toBe(first.assigneeUserId);
      await setConversationStatus(desk.ctx.events, AUTOMATION, again.id, 'CLOSED');
      await desk.settle();
    }
  });
});

import type { Availability } from '@parley/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConversationStatus } from '../conversations/conversations.service.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { replaceRoutingRules } from '../routing/routing.service.ts';
import { changeOwnAvailability } from '../users/availability.service.ts';
import { checkAssignmentInvariants, NO_VIOLATIONS } from './assignment-invariants.ts';
import { setAgentCapacity } from './capacities.service.ts';
import { createRoutingDesk, ROUTING_SENDER, type RoutingDesk } from './test-support.ts';

// Random sequences of customer messages, availability changes, solved conversations and capacity
// changes, applied in random concurrent groups; after each sequence settles, the assignment
// invariants hold (capacity, membership, nothing stalled, hand-back done).

let desk: RoutingDesk;
beforeAll(async () => {
  desk = await createRoutingDesk();
});
afterAll(() => desk.app.close());

type Command =
  | { kind: 'message'; queue: number; customer: number }
  | { kind: 'availability'; agent: number; to: Availability }
  | { kind: 'solve'; pick: number }
  | { kind: 'capacity'; agent: number; capacity: number | null };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('message' as const), queue: fc.nat(2), customer: fc.nat(6) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('availability' as const),
      agent: fc.nat(4),
      to: fc.constantFrom<Availability>('ACTIVE', 'BUSY', 'AWAY', 'OFFLINE'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('solve' as const), pick: fc.nat(20) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('capacity' as const),
      agent: fc.nat(4),
      capacity: fc.option(fc.nat(3), { nil: null }),
    }),
  },
);

describe('automatic assignment properties', () => {
  it('keeps its invariants over random event sequences', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        async (commands, group) => {
          run += 1;
          const agents = await Promise.all(Array.from({ length: 5 }, () => desk.agent()));
          const queues = [
            await desk.queue(agents.slice(0, 3), { autoAssign: true, onAgentUnavailable: 'RETURN_TO_QUEUE' }),
            await desk.queue(agents.slice(2, 5), {
              autoAssign: true,
              algorithm: 'LEAST_LOAD',
              stickyAgentDays: 1,
            }),
            await desk.queue(agents, { autoAssign: true }),
          ];
          await replaceRoutingRules(
            desk.ctx.events,
            queues.map((queueId, i) => ({
              name: `q${i}`,
              queueId,
              expression: { $contains: { 'message.text': `q${i}` } },
              enabled: true,
              priority: 'NORMAL',
              tagIds: [],
              botId: null,
              routeOnlyDuringWorkingHours: false,
            })),
          );
          const apply = async (c: Command) => {
            const { events } = desk.ctx;
            if (c.kind === 'message') {
              await ingestInbound(events, {
                connectionId: '00000000-0000-4000-8000-000000000001',
                channel: 'SMS',
                providerMessageId: crypto.randomUUID(),
                from: `3857${String(run).padStart(4, '0')}${c.customer}`,
                to: ROUTING_SENDER,
                receivedAt: new Date().toISOString(),
                contentType: 'TEXT',
                content: { text: `q${c.queue}` },
              });
            } else if (c.kind === 'availability') {
              await changeOwnAvailability(events, agents[c.agent] as string, c.to);
            } else if (c.kind === 'capacity') {
              await setAgentCapacity(events, agents[c.agent] as string, c.capacity);
            } else {
              const { rows } = await desk.db.pool.query(
                `select id from conversations where queue_id = any($1) and assignee_user_id is not null
                 and status = 'OPEN' order by number`,
                [queues],
              );
              const target = rows[c.pick % Math.max(rows.length, 1)];
              if (target) await setConversationStatus(events, { kind: 'automation' }, target.id, 'SOLVED');
            }
          };
          for (let i = 0; i < commands.length; i += group) {
            await Promise.all(commands.slice(i, i + group).map(apply));
          }
          await desk.settle();
          expect(await checkAssignmentInvariants(desk.db, queues)).toEqual(NO_VIOLATIONS);
        },
      ),
      { numRuns: 15 },
    );
  });
});

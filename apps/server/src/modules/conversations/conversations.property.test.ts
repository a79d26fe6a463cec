import { CHANNELS, CONVERSATION_STATUSES, PRIORITIES } from '@parley/contracts';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { createQueue, deleteQueue, setQueueMembers } from '../queues/queues.service.ts';
import { createTag, deleteTag } from '../tags/tags.service.ts';
import type { Actor } from './conversations.policy.ts';
import {
  addConversationTag,
  assignConversation,
  assignConversationToMe,
  changeConversationQueue,
  removeConversationTag,
  setConversationPriority,
  setConversationStatus,
} from './conversations.service.ts';
import { createDesk, type Desk } from './test-fixtures.ts';

let db: Db;
let desk: Desk;

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
});

// Few customers, channels and numbers, so threads collide, reopen and close often.
const CUSTOMERS = 3;
const STEP_CHANNELS = CHANNELS.slice(0, 2);
const OUR_ADDRESSES = ['44100', '44200'];

const inboundCmd = fc.record({
  kind: fc.constant('inbound' as const),
  customer: fc.nat(CUSTOMERS - 1),
  channel: fc.constantFrom(...STEP_CHANNELS),
  to: fc.constantFrom(...OUR_ADDRESSES),
  // Now and then the provider delivers the previous webhook again.
  repeatLast: fc.nat(9).map((n) => n === 0),
});
const target = fc.nat(20);
const actorIdx = fc.nat(2);
const statusCmd = fc.record({
  kind: fc.constant('status' as const),
  target,
  actor: actorIdx,
  status: fc.constantFrom(...CONVERSATION_STATUSES),
});
const actionCmd = fc.oneof(
  // Status changes and tagging come more often, so conversations close with tags on them and the
  // frozen-CLOSED rule meets tag deletions.
  { arbitrary: statusCmd, weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('priority' as const),
      target,
      actor: actorIdx,
      priority: fc.constantFrom(...PRIORITIES),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      target,
      actor: actorIdx,
      assignee: fc.nat(3),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('assignToMe' as const), target, actor: actorIdx }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('tag' as const),
      target,
      actor: actorIdx,
      tag: fc.nat(1),
      // Adding twice as often as removing, so deletions find tagged conversations.
      add: fc.nat(2).map((n) => n > 0),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('queue' as const),
      target,
      actor: actorIdx,
      toDefault: fc.boolean(),
    }),
    weight: 1,
  },
);
// Catalogue deletions touch every conversation carrying the tag or in the queue at once; they are
// made by a supervisor or by automation (an integration).
const deletionActor = fc.constantFrom<Actor['kind']>('supervisor', 'automation');
const deletionCmd = fc.oneof(
  fc.record({ kind: fc.constant('deleteTag' as const), actor: deletionActor, tag: fc.nat(1) }),
  fc.record({ kind: fc.constant('deleteQueue' as const), actor: deletionActor }),
);
const command = fc.oneof(
  { arbitrary: inboundCmd, weight: 4 },
  { arbitrary: actionCmd, weight: 6 },
  { arbitrary: deletionCmd, weight: 1 },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

interface ConvSnapshot {
  id: string;
  status: string;
  priority: string;
  queue_id: string | null;
  assignee_user_id: string | null;
  tags: string[];
  [column: string]: unknown;
}
interface LogRow {
  conversation_id: string;
  kind: string;
  from: unknown;
  to: unknown;
  actor_kind: string;
}

async function snapshot(prefix: string): Promise<{ convs: Map<string, ConvSnapshot>; log: LogRow[] }> {
  const { rows } = await db.pool.query(
    `select c.*,
            coalesce((select array_agg(t.tag_id::text order by t.tag_id) from conversation_tags t
                       where t.conversation_id = c.id), '{}') as tags,
            (select count(*)::int from messages m where m.conversation_id = c.id) as message_count
       from conversations c where c.customer_address like $1 order by c.number`,
    [`${prefix}%`],
  );
  const log = await db.pool.query(
    `select l.conversation_id, l.kind, l."from", l."to", l.actor_kind from conversation_log l
       join conversations c on c.id = l.conversation_id
      where c.customer_address like $1 order by l.created_at, l.id`,
    [`${prefix}%`],
  );
  return { convs: new Map(rows.map((r: ConvSnapshot) => [r.id, r])), log: log.rows };
}

/** The log entries a change from `a` to `b` must have produced, as comparable strings. */
function expectedEntries(a: ConvSnapshot | undefined, b: ConvSnapshot, actorKind: string): string[] {
  if (!a) return [];
  const out: unknown[][] = [];
  if (a.status !== b.status) out.push(['status', a.status, b.status]);
  if (a.priority !== b.priority) out.push(['priority', a.priority, b.priority]);
  if (a.queue_id !== b.queue_id) out.push(['queue', a.queue_id, b.queue_id]);
  if (a.assignee_user_id !== b.assignee_user_id) {
    const who = (id: string | null) => (id ? { userId: id } : null);
    out.push(['assignment', who(a.assignee_user_id), who(b.assignee_user_id)]);
  }
  for (const t of b.tags.filter((t) => !a.tags.includes(t))) out.push(['tag', null, t]);
  for (const t of a.tags.filter((t) => !b.tags.includes(t))) out.push(['tag', t, null]);
  return out.map((e) => JSON.stringify([...e, actorKind])).sort();
}

const userIdOf = (actor: Actor) => ('userId' in actor ? actor.userId : null);

describe('conversation invariants under random inbound traffic and agent actions', () => {
  it('keeps one open conversation per thread, CLOSED frozen, every change logged, refusals inert, deletions included', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 30, size: 'max' }), async (commands) => {
        run += 1;
        const prefix = `${desk.suffix}-${run}-`;
        const addresses = Array.from({ length: CUSTOMERS }, (_, i) => `${prefix}${i}`);
        // One known customer, so recognition runs too.
        await createCustomer(desk.events, {
          name: `Known ${prefix}`,
          destinations: [{ channel: STEP_CHANNELS[0] ?? 'SMS', address: addresses[0] ?? '' }],
        });
        // Each run has its own tags and queue (members: agent A and the supervisor), as runs delete them.
        const tagIds = await Promise.all(
          [0, 1].map(
            async (i) => (await createTag(desk.events, { name: `t${i}-${prefix}`, kind: 'conversation' })).id,
          ),
        );
        const queue = await createQueue(desk.events, `Queue ${prefix}`);
        await setQueueMembers(desk.events, queue.id, [
          userIdOf(desk.agentA),
          userIdOf(desk.supervisor),
        ] as string[]);
        const actors = [desk.agentA, desk.agentB, desk.supervisor];
        const assignees = [...actors.map(userIdOf), null];
        let lastInbound: ReturnType<Desk['inbound']> | undefined;

        for (const cmd of commands as Command[]) {
          const before = await snapshot(prefix);
          const ids = [...before.convs.keys()];
          let actorKind = 'system';
          let targetId: string | undefined;
          let outcome = 'ok';
          try {
            if (cmd.kind === 'inbound') {
              const msg =
                cmd.repeatLast && lastInbound
                  ? lastInbound
                  : desk.inbound({ from: addresses[cmd.customer], channel: cmd.channel, to: cmd.to });
              lastInbound = msg;
              await ingestInbound(desk.events, msg);
            } else if (cmd.kind === 'deleteTag' || cmd.kind === 'deleteQueue') {
              const actor: Actor = cmd.actor === 'supervisor' ? desk.supervisor : { kind: 'automation' };
              actorKind = actor.kind;
              if (cmd.kind === 'deleteTag') await deleteTag(desk.events, actor, tagIds[cmd.tag] as string);
              else await deleteQueue(desk.events, actor, queue.id);
            } else {
              if (ids.length === 0) continue;
              targetId = ids[cmd.target % ids.length] as string;
              const actor = actors[cmd.actor] as Actor;
              actorKind = actor.kind;
              if (cmd.kind === 'status')
                await setConversationStatus(desk.events, actor, targetId, cmd.status);
              if (cmd.kind === 'priority')
                await setConversationPriority(desk.events, actor, targetId, cmd.priority);
              if (cmd.kind === 'assign') {
                await assignConversation(desk.events, actor, targetId, assignees[cmd.assignee] ?? null);
              }
              if (cmd.kind === 'assignToMe') await assignConversationToMe(desk.events, actor, targetId);
              if (cmd.kind === 'tag') {
                const change = cmd.add ? addConversationTag : removeConversationTag;
                await change(desk.events, actor, targetId, tagIds[cmd.tag] as string);
              }
              if (cmd.kind === 'queue') {
                await changeConversationQueue(desk.events, actor, targetId, cmd.toDefault ? null : queue.id);
              }
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            outcome = error.code;
          }
          const after = await snapshot(prefix);

          // At most one non-CLOSED conversation per thread key.
          const openKeys = [...after.convs.values()]
            .filter((c) => c.status !== 'CLOSED')
            .map((c) => `${c.channel}|${c.our_address}|${c.customer_address}`);
          expect(new Set(openKeys).size).toBe(openKeys.length);

          // A CLOSED conversation never changes, and every action on it is refused as closed.
          for (const [id, conv] of before.convs) {
            if (conv.status === 'CLOSED') expect(after.convs.get(id)).toEqual(conv);
          }
          if (targetId && before.convs.get(targetId)?.status === 'CLOSED')
            expect(outcome).toBe('conversation_closed');

          // A refused action changes nothing at all.
          if (outcome !== 'ok') {
            expect(after.convs).toEqual(before.convs);
            expect(after.log).toEqual(before.log);
            continue;
          }

          // Every change has exactly its log entry, by the acting kind of actor; nothing else is logged.
          const added = after.log.slice(before.log.length);
          for (const [id, conv] of after.convs) {
            const got = added
              .filter((e) => e.conversation_id === id)
              .map((e) => JSON.stringify([e.kind, e.from, e.to, e.actor_kind]))
              .sort();
            expect(got).toEqual(expectedEntries(before.convs.get(id), conv, actorKind));
          }

          // D3: an agent never takes a conversation that another agent holds.
          if (targetId && actorKind === 'agent' && (cmd.kind === 'assign' || cmd.kind === 'assignToMe')) {
            const held = before.convs.get(targetId)?.assignee_user_id;
            const actorId = userIdOf(actors[cmd.actor] as Actor);
            if (after.convs.get(targetId)?.assignee_user_id !== held) expect([null, actorId]).toContain(held);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

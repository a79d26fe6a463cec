import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { addNote, sendAgentMessage } from '../messages/messages.service.ts';
import { createTag } from '../tags/tags.service.ts';
import { mergeConversations } from './conversation-merge.service.ts';
import { findConversationById } from './conversations.repo.ts';
import { addConversationTag, removeConversationTag, setConversationStatus } from './conversations.service.ts';
import {
  connectOmnichannelSenders,
  omnichannelCustomer,
  tagsOf,
  timelineOf,
} from './omnichannel-test-desk.ts';
import { createDesk, type Desk } from './test-fixtures.ts';

// D2 merge invariants over random histories: no timeline entry lost or duplicated, each
// conversation's own order kept, tags united, the change log combined, "pending" recomputed, and
// the customer's next message on any merged thread lands in the target.

let db: Db;
let desk: Desk;
let tagIds: string[];

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
  await connectOmnichannelSenders(db);
  tagIds = await Promise.all(
    ['red', 'green', 'blue'].map(
      async (name) => (await createTag(desk.events, { name, kind: 'conversation' })).id,
    ),
  );
});

const conv = fc.nat(3);
const step = fc.oneof(
  fc.record({ kind: fc.constant('inbound' as const), conv }),
  fc.record({ kind: fc.constant('reply' as const), conv }),
  fc.record({ kind: fc.constant('note' as const), conv }),
  fc.record({ kind: fc.constant('tag' as const), conv, tag: fc.nat(2) }),
  fc.record({ kind: fc.constant('untag' as const), conv, tag: fc.nat(2) }),
  fc.record({
    kind: fc.constant('status' as const),
    conv,
    status: fc.constantFrom('OPEN', 'WAITING', 'SOLVED'),
  }),
);

/** `sub` appears in `all` in the same relative order. */
const inOrder = (all: readonly string[], sub: readonly string[]) => {
  const at = sub.map((k) => all.indexOf(k));
  return at.every((i, n) => i >= 0 && (n === 0 || i > (at[n - 1] as number)));
};

async function pendingExpected(conversationId: string): Promise<string | null> {
  const { rows } = await db.pool.query<{ pending: Date | null }>(
    `select min(created_at) as pending from messages where conversation_id = $1 and direction = 'INBOUND'
       and created_at > coalesce((select max(created_at) from messages
         where conversation_id = $1 and direction = 'OUTBOUND'), '-infinity')`,
    [conversationId],
  );
  return rows[0]?.pending?.toISOString() ?? null;
}

describe('merging conversations (D2)', () => {
  it('keeps every entry once and in order, unites tags and logs, and threads into the target', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(step, { maxLength: 14 }),
        async (count, steps) => {
          const { customer, threads } = await omnichannelCustomer(desk.events);
          const used = threads.slice(0, count);
          const ids: string[] = [];
          for (const t of used) {
            const first = desk.inbound({ channel: t.channel, from: t.customerAddress, to: t.ourAddress });
            const got = await ingestInbound(desk.events, first);
            if (got.duplicate) throw new Error('a fresh message was taken for a duplicate');
            ids.push(got.conversationId);
          }
          for (const s of steps) {
            const i = s.conv % count;
            const id = ids[i] as string;
            const t = used[i] as (typeof used)[number];
            if (s.kind === 'inbound') {
              await ingestInbound(
                desk.events,
                desk.inbound({ channel: t.channel, from: t.customerAddress, to: t.ourAddress }),
              );
            } else if (s.kind === 'reply') {
              await sendAgentMessage(desk.events, desk.supervisor, id, {
                contentType: 'TEXT',
                content: { text: 'Reply' },
              });
            } else if (s.kind === 'note') {
              await addNote(desk.events, desk.supervisor, id, 'A note');
            } else if (s.kind === 'tag') {
              await addConversationTag(desk.events, desk.supervisor, id, tagIds[s.tag] as string);
            } else if (s.kind === 'untag') {
              await removeConversationTag(desk.events, desk.supervisor, id, tagIds[s.tag] as string);
            } else {
              await setConversationStatus(desk.events, desk.supervisor, id, s.status);
            }
          }
          const [targetId, ...sourceIds] = ids as [string, ...string[]];
          const before = await Promise.all(ids.map((id) => timelineOf(db, id)));
          const tagsBefore = await Promise.all(ids.map((id) => tagsOf(db, id)));
          const targetBefore = await findConversationById(db.orm, targetId);

          const merged = await mergeConversations(desk.events, desk.supervisor, targetId, sourceIds);

          const after = await timelineOf(db, targetId);
          expect(new Set(after).size).toBe(after.length);
          for (const entries of before) expect(inOrder(after, entries)).toBe(true);
          const moved = new Set(before.flat());
          const added = after.filter((k) => !moved.has(k));
          const union = [...new Set(tagsBefore.flat())].sort();
          const gained = union.filter((t) => !tagsBefore[0]?.includes(t));
          // New on the target: one `merge` entry per source and one `tag` entry per tag it gained.
          expect(added).toHaveLength(sourceIds.length + gained.length);
          const { rows: log } = await db.pool.query(
            `select kind, "from", "to" from conversation_log where conversation_id = $1 and id = any($2::uuid[])`,
            [targetId, added.map((k) => k.slice('log:'.length))],
          );
          expect(
            log
              .filter((l) => l.kind === 'merge')
              .map((l) => l.from)
              .sort(),
          ).toEqual([...sourceIds].sort());
          expect(
            log
              .filter((l) => l.kind === 'tag')
              .map((l) => l.to)
              .sort(),
          ).toEqual(gained);
          expect(await tagsOf(db, targetId)).toEqual(union);

          expect(merged).toMatchObject({
            status: targetBefore?.status,
            assigneeUserId: targetBefore?.assigneeUserId,
            queueId: targetBefore?.queueId,
            customerId: customer.id,
          });
          expect(new Set(merged.channels)).toEqual(new Set(used.map((t) => t.channel)));
          expect(merged.pendingSince?.toISOString() ?? null).toBe(await pendingExpected(targetId));
          for (const sourceId of sourceIds) {
            const source = await findConversationById(db.orm, sourceId);
            expect(source?.status).toBe('CLOSED');
            expect(await tagsOf(db, sourceId)).toEqual([]);
            const { rows: rest } = await db.pool.query(
              `select kind, "to" from conversation_log where conversation_id = $1 order by created_at, id`,
              [sourceId],
            );
            expect(rest).toEqual([
              { kind: 'status', to: 'CLOSED' },
              { kind: 'merge', to: targetId },
            ]);
            expect(await timelineOf(db, sourceId)).toHaveLength(2);
          }

          // The customer writes again on every merged thread: each message lands in the target.
          for (const t of used) {
            const got = await ingestInbound(
              desk.events,
              desk.inbound({ channel: t.channel, from: t.customerAddress, to: t.ourAddress }),
            );
            expect(got).toMatchObject({
              duplicate: false,
              conversationId: targetId,
              createdConversation: false,
            });
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { createCustomer, getCustomer, searchCustomers } from '../customers/customers.service.ts';
import { addNote, sendAgentMessage } from '../messages/messages.service.ts';
import { setQueueMembers } from '../queues/queues.service.ts';
import { listTags } from '../tags/tags.repo.ts';
import { createTag, deleteTag, updateTag } from '../tags/tags.service.ts';
import { insertTestUser } from '../users/test-helpers.ts';
import type { Actor } from './conversations.policy.ts';
import { findConversationById } from './conversations.repo.ts';
import {
  addConversationTag,
  assignConversation,
  assignConversationToMe,
  changeConversationQueue,
  removeConversationTag,
  setConversationPriority,
  setConversationStatus,
  setConversationSummary,
  setConversationTopic,
} from './conversations.service.ts';
import { connectTestSender, createDesk, type Desk, logOf } from './test-fixtures.ts';
import { createConversation } from './threading.ts';

let db: Db;
let desk: Desk;
let agentC: Actor & { userId: string };

/** Our connected sender of the permission-matrix conversations (SMS: no 24-hour window, D7). */
const MATRIX_SENDER = '44500';

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
  await connectTestSender(db, 'SMS', MATRIX_SENDER);
  const c = await insertTestUser(db, ['agent']);
  agentC = { kind: 'agent', userId: c.id };
  const members = [desk.agentA, desk.supervisor, agentC].map((a) => ('userId' in a ? a.userId : ''));
  await setQueueMembers(desk.events, desk.queue.id, members);
});

const idOf = (actor: Actor) => ('userId' in actor ? actor.userId : '');
let seq = 0;

/** A conversation in the restricted queue, on a channel, assigned as told (set up by a supervisor). */
async function conversation(assignee: Actor | null, status: 'OPEN' | 'CLOSED' = 'OPEN'): Promise<string> {
  const conv = await createConversation(desk.events, desk.supervisor, {
    channel: 'SMS',
    ourAddress: MATRIX_SENDER,
    customerAddress: `38592${String(++seq).padStart(6, '0')}`,
    queueId: desk.queue.id,
  });
  if (assignee) await assignConversation(desk.events, desk.supervisor, conv.id, idOf(assignee));
  if (status === 'CLOSED') await setConversationStatus(desk.events, desk.supervisor, conv.id, 'CLOSED');
  return conv.id;
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

type Action = (actor: Actor, id: string) => Promise<unknown>;
const actions: Record<string, Action> = {
  status: (a, id) => setConversationStatus(desk.events, a, id, 'SOLVED'),
  priority: (a, id) => setConversationPriority(desk.events, a, id, 'HIGH'),
  topic: (a, id) => setConversationTopic(desk.events, a, id, 'Renamed'),
  summary: (a, id) => setConversationSummary(desk.events, a, id, 'Wants a refund'),
  addTag: (a, id) => addConversationTag(desk.events, a, id, desk.tag.id),
  removeTag: (a, id) => removeConversationTag(desk.events, a, id, desk.tag.id),
  note: (a, id) => addNote(desk.events, a, id, 'Checked the order'),
  reply: (a, id) => sendAgentMessage(desk.events, a, id, { contentType: 'TEXT', content: { text: 'Hi' } }),
  assignToMe: (a, id) => assignConversationToMe(desk.events, a, id),
  assignToMember: (a, id) => assignConversation(desk.events, a, id, agentC.userId),
  assignToNonMember: (a, id) => assignConversation(desk.events, a, id, idOf(desk.agentB)),
  unassign: (a, id) => assignConversation(desk.events, a, id, null),
  changeQueue: (a, id) => changeConversationQueue(desk.events, a, id, desk.defaultQueue.id),
};

/**
 * Who acts on whose conversation: agent A on their own, on the supervisor's, on an unassigned one;
 * the supervisor on A's; automation (an integration acting for no agent) on A's.
 */
const situations = {
  agentOwn: { actor: () => desk.agentA, assignee: () => desk.agentA, status: 'OPEN' },
  agentOther: { actor: () => desk.agentA, assignee: () => desk.supervisor, status: 'OPEN' },
  unassigned: { actor: () => desk.agentA, assignee: () => null, status: 'OPEN' },
  supervisor: { actor: () => desk.supervisor, assignee: () => desk.agentA, status: 'OPEN' },
  closed: { actor: () => desk.supervisor, assignee: () => desk.agentA, status: 'CLOSED' },
  automation: { actor: (): Actor => ({ kind: 'automation' }), assignee: () => desk.agentA, status: 'OPEN' },
} as const;

const F = 'assignment_forbidden';
const Q = 'queue_change_forbidden';
const R = 'reply_forbidden';
const N = 'assignee_not_in_queue';
const C = 'conversation_closed';
const P = 'forbidden';
//                      agentOwn agentOther unassigned supervisor closed automation
const expected: Record<keyof typeof actions, [string, string, string, string, string, string]> = {
  status: ['ok', 'ok', 'ok', 'ok', C, 'ok'],
  priority: ['ok', 'ok', 'ok', 'ok', C, 'ok'],
  topic: ['ok', 'ok', 'ok', 'ok', C, 'ok'],
  summary: ['ok', 'ok', 'ok', 'ok', C, 'ok'],
  addTag: ['ok', 'ok', 'ok', 'ok', C, 'ok'],
  removeTag: ['ok', 'ok', 'ok', 'ok', C, 'ok'],
  note: ['ok', 'ok', 'ok', 'ok', C, P],
  reply: ['ok', R, R, 'ok', C, R],
  assignToMe: ['ok', F, 'ok', 'ok', C, P],
  assignToMember: ['ok', F, F, 'ok', C, 'ok'],
  assignToNonMember: [N, F, F, N, C, N],
  unassign: ['ok', F, F, 'ok', C, 'ok'],
  changeQueue: ['ok', Q, Q, 'ok', C, 'ok'],
};

describe('permission matrix (D2, D3)', () => {
  const cases = Object.entries(expected).flatMap(([action, row]) =>
    Object.keys(situations).map((situation, i) => [action, situation, row[i]] as const),
  );
  it.each(cases)('%s as %s → %s', async (action, situation, want) => {
    const s = situations[situation as keyof typeof situations];
    const id = await conversation(s.assignee(), s.status);
    const before = await findConversationById(db.orm, id);
    const logBefore = await logOf(db, id);
    const got = await outcome(() => (actions[action] as Action)(s.actor(), id));
    expect(got).toBe(want);
    if (got !== 'ok') {
      expect(await findConversationById(db.orm, id)).toEqual(before);
      expect(await logOf(db, id)).toEqual(logBefore);
    }
  });
});

describe('conversation services', () => {
  it('creates with the "+" defaults and recognises the customer by address', async () => {
    const customer = await createCustomer(desk.events, {
      name: 'Ivo',
      destinations: [{ channel: 'EMAIL', address: `ivo-${desk.suffix}@example.test` }],
    });
    const conv = await createConversation(desk.events, desk.agentA, {
      channel: 'EMAIL',
      ourAddress: 'help@parley.test',
      customerAddress: `ivo-${desk.suffix}@example.test`,
    });
    expect(conv).toMatchObject({
      topic: 'Talking with Ivo',
      customerId: customer.id,
      status: 'OPEN',
      priority: 'NORMAL',
      queueId: desk.defaultQueue.id,
      channels: ['EMAIL'],
    });
    const again = await outcome(() =>
      createConversation(desk.events, desk.agentA, {
        channel: 'EMAIL',
        ourAddress: 'help@parley.test',
        customerAddress: `ivo-${desk.suffix}@example.test`,
      }),
    );
    expect(again).toBe('conflict');
    const bare = await createConversation(desk.events, desk.agentA, {});
    expect(bare).toMatchObject({ topic: 'New conversation', channel: null, channels: [] });
    expect(await outcome(() => createConversation(desk.events, desk.agentA, { channel: 'SMS' }))).toBe(
      'validation_failed',
    );
  });

  it('logs every status, priority, tag, assignment and queue change with its actor', async () => {
    const id = await conversation(null);
    const logBefore = (await logOf(db, id)).length;
    await assignConversationToMe(desk.events, desk.agentA, id);
    await setConversationStatus(desk.events, desk.agentA, id, 'WAITING');
    await setConversationStatus(desk.events, desk.agentA, id, 'WAITING');
    await setConversationPriority(desk.events, desk.agentA, id, 'URGENT');
    await addConversationTag(desk.events, desk.agentA, id, desk.tag.id);
    await addConversationTag(desk.events, desk.agentA, id, desk.tag.id);
    await removeConversationTag(desk.events, desk.agentA, id, desk.tag.id);
    await setConversationTopic(desk.events, desk.agentA, id, 'Refund');
    const a = idOf(desk.agentA);
    const actor = { actorKind: 'agent', actorUserId: a };
    expect((await logOf(db, id)).slice(logBefore)).toEqual([
      { kind: 'assignment', from: null, to: { userId: a }, ...actor },
      { kind: 'status', from: 'OPEN', to: 'WAITING', ...actor },
      { kind: 'priority', from: 'NORMAL', to: 'URGENT', ...actor },
      { kind: 'tag', from: null, to: desk.tag.id, ...actor },
      { kind: 'tag', from: desk.tag.id, to: null, ...actor },
    ]);
    const { rows } = await db.pool.query(
      `select type from outbox_events where payload->>'conversationId' = $1 order by occurred_at`,
      [id],
    );
    expect(rows.map((r) => r.type).slice(-6)).toEqual([
      'conversation.assigned',
      'conversation.status_changed',
      'conversation.updated',
      'conversation.tagged',
      'conversation.untagged',
      'conversation.updated',
    ]);
  });

  it('unassigns (logged) an assignee who is not a member of the new queue', async () => {
    const id = await createConversation(desk.events, desk.supervisor, {});
    await assignConversation(desk.events, desk.supervisor, id.id, idOf(desk.agentB));
    const moved = await changeConversationQueue(desk.events, desk.agentB, id.id, desk.queue.id);
    expect(moved).toMatchObject({ queueId: desk.queue.id, assigneeUserId: null });
    const kinds = (await logOf(db, id.id)).map((e) => e.kind).sort();
    expect(kinds).toEqual(['assignment', 'assignment', 'queue']);
  });

  it('refuses text over the D11 limits and assignees who are not agents', async () => {
    const id = await conversation(desk.agentA);
    expect(await outcome(() => setConversationTopic(desk.events, desk.agentA, id, 'x'.repeat(1001)))).toBe(
      'limit_exceeded',
    );
    expect(await outcome(() => addNote(desk.events, desk.agentA, id, 'x'.repeat(4001)))).toBe(
      'limit_exceeded',
    );
    expect(await outcome(() => setConversationTopic(desk.events, desk.agentA, id, '  '))).toBe(
      'validation_failed',
    );
    const admin = await insertTestUser(db, ['admin']);
    expect(await outcome(() => assignConversation(desk.events, desk.supervisor, id, admin.id))).toBe(
      'assignee_not_in_queue',
    );
    const def = await createConversation(desk.events, desk.supervisor, {});
    expect(await outcome(() => assignConversation(desk.events, desk.supervisor, def.id, admin.id))).toBe(
      'not_found',
    );
  });

  it('refuses a reply on a channel and sender no enabled connection sends on, storing nothing', async () => {
    const unconnected = [
      { channel: 'WHATSAPP' as const, ourAddress: '44501' },
      { channel: 'EMAIL' as const, ourAddress: 'help@parley.test' },
    ];
    for (const thread of unconnected) {
      const conv = await createConversation(desk.events, desk.supervisor, {
        ...thread,
        customerAddress: `38593${String(++seq).padStart(6, '0')}`,
      });
      const send = () =>
        sendAgentMessage(desk.events, desk.supervisor, conv.id, {
          contentType: 'TEXT',
          content: { text: 'Nobody would send this' },
        });
      expect(await outcome(send), thread.channel).toBe('channel_unavailable');
      const { rows } = await db.pool.query(
        'select count(*)::int as n from messages where conversation_id = $1',
        [conv.id],
      );
      expect(rows[0].n).toBe(0);
    }
    // A disabled connection no longer counts.
    await connectTestSender(db, 'WHATSAPP', '44502');
    await db.pool.query(`update channel_connections set enabled = false where sender = '44502'`);
    const conv = await createConversation(desk.events, desk.supervisor, {
      channel: 'WHATSAPP',
      ourAddress: '44502',
      customerAddress: `38593${String(++seq).padStart(6, '0')}`,
    });
    const send = () =>
      sendAgentMessage(desk.events, desk.supervisor, conv.id, {
        contentType: 'TEXT',
        content: { text: 'Hi' },
      });
    expect(await outcome(send)).toBe('channel_unavailable');
  });

  it('stores a repeated send with the same client id once', async () => {
    const id = await conversation(desk.agentA);
    const clientId = crypto.randomUUID();
    const input = { clientId, contentType: 'TEXT' as const, content: { text: 'Hello' } };
    const first = await sendAgentMessage(desk.events, desk.agentA, id, input);
    const again = await sendAgentMessage(desk.events, desk.agentA, id, input);
    expect(first.repeated).toBe(false);
    expect(again).toEqual({ message: first.message, repeated: true });
    expect(first.message).toMatchObject({
      direction: 'OUTBOUND',
      authorKind: 'AGENT',
      deliveryState: 'PENDING',
    });
  });
});

describe('tag catalogue and customers', () => {
  it('creates, renames, lists and deletes conversation tags; a deleted tag leaves every conversation', async () => {
    const tag = await createTag(desk.events, {
      name: `Billing-${desk.suffix}`,
      kind: 'conversation',
      color: '#ff0000',
    });
    expect(
      await outcome(() => createTag(desk.events, { name: `billing-${desk.suffix}`, kind: 'conversation' })),
    ).toBe('conflict');
    // Template tags are another vocabulary: the same name is free there.
    await createTag(desk.events, { name: `billing-${desk.suffix}`, kind: 'template' });
    expect(await outcome(() => createTag(desk.events, { name: 'x'.repeat(101), kind: 'conversation' }))).toBe(
      'limit_exceeded',
    );
    const renamed = await updateTag(desk.events, tag.id, { name: `Invoices-${desk.suffix}` });
    expect(renamed).toMatchObject({ name: `Invoices-${desk.suffix}`, color: '#ff0000' });
    expect((await listTags(db.orm, 'conversation')).map((t) => t.id)).toContain(tag.id);
    const id = await conversation(desk.agentA);
    await addConversationTag(desk.events, desk.agentA, id, tag.id);
    await deleteTag(desk.events, desk.supervisor, tag.id);
    expect((await listTags(db.orm, 'conversation')).map((t) => t.id)).not.toContain(tag.id);
    const { rows } = await db.pool.query(
      'select count(*)::int as n from conversation_tags where tag_id = $1',
      [tag.id],
    );
    expect(rows[0].n).toBe(0);
    expect(await outcome(() => deleteTag(desk.events, desk.supervisor, tag.id))).toBe('not_found');
    expect(await outcome(() => addConversationTag(desk.events, desk.agentA, id, tag.id))).toBe('not_found');
  });

  it('creates customers with destinations, finds them by name or address, refuses an owned address', async () => {
    const phone = `38597${desk.suffix.replace(/\D/g, '').padEnd(7, '7')}`;
    const created = await createCustomer(desk.events, {
      name: `Zora ${desk.suffix}`,
      city: 'Split',
      destinations: [
        { channel: 'SMS', address: phone },
        { channel: 'WHATSAPP', address: phone },
      ],
    });
    expect(created.destinations.map((d) => d.channel).sort()).toEqual(['SMS', 'WHATSAPP']);
    expect(await getCustomer(db.orm, created.id)).toEqual(created);
    expect((await searchCustomers(db.orm, `zora ${desk.suffix}`)).map((c) => c.id)).toEqual([created.id]);
    expect((await searchCustomers(db.orm, phone.slice(2))).map((c) => c.id)).toEqual([created.id]);
    // LIKE wildcards in the query are taken literally.
    expect(await searchCustomers(db.orm, '%')).toEqual([]);
    expect(
      await outcome(() =>
        createCustomer(desk.events, { name: 'Other', destinations: [{ channel: 'SMS', address: phone }] }),
      ),
    ).toBe('conflict');
    expect(await outcome(() => getCustomer(db.orm, crypto.randomUUID()))).toBe('not_found');
  });
});

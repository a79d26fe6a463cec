import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { updateConversation } from './conversation-commands.service.ts';
import type { Actor } from './conversations.policy.ts';
import { findConversationById } from './conversations.repo.ts';
import { assignConversation, setConversationStatus } from './conversations.service.ts';
import { createDesk, type Desk, logOf } from './test-fixtures.ts';
import { createConversation } from './threading.ts';

let db: Db;
let desk: Desk;
beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
});

const idOf = (actor: Actor) => ('userId' in actor ? actor.userId : '');

/** A conversation in the Default queue (which restricts no one), assigned as told by the supervisor. */
async function conversation(assignee: Actor | null): Promise<string> {
  const conv = await createConversation(desk.events, desk.supervisor, { topic: 'Order' });
  if (assignee) await assignConversation(desk.events, desk.supervisor, conv.id, idOf(assignee));
  return conv.id;
}

/** The row and its change log, to show a refused patch changed nothing. */
async function stateOf(id: string) {
  return { row: await findConversationById(db.orm, id), log: await logOf(db, id) };
}

describe('updateConversation: one patch, one transaction', () => {
  it('applies every field, the queue before the assignee and closing last', async () => {
    const id = await conversation(null);
    const row = await updateConversation(desk.events, desk.supervisor, id, {
      status: 'CLOSED',
      assigneeUserId: idOf(desk.agentA),
      queueId: desk.queue.id,
      priority: 'HIGH',
      summary: 'Refund',
      topic: 'Refund for order 7',
    });
    expect(row).toMatchObject({
      status: 'CLOSED',
      assigneeUserId: idOf(desk.agentA),
      queueId: desk.queue.id,
      priority: 'HIGH',
      summary: 'Refund',
      topic: 'Refund for order 7',
    });
    expect((await logOf(db, id)).map((e) => e.kind).sort()).toEqual([
      'assignment',
      'priority',
      'queue',
      'status',
    ]);
  });

  it('refuses, whole, a queue change that would drop the assignee kept in the same patch', async () => {
    // Agent B is no member of desk.queue: moving there unassigns them, so keeping them is refused.
    const id = await conversation(desk.agentB);
    const before = await stateOf(id);
    const patch = { priority: 'URGENT', queueId: desk.queue.id, assigneeUserId: idOf(desk.agentB) } as const;
    await expect(updateConversation(desk.events, desk.supervisor, id, patch)).rejects.toMatchObject({
      code: 'assignee_not_in_queue',
    });
    expect(await stateOf(id)).toEqual(before);
  });

  it('skips repeated values (no rights needed, nothing logged) but refuses any patch of a CLOSED one', async () => {
    const id = await conversation(desk.agentA);
    const before = await stateOf(id);
    // Agent B may not touch A's assignment or queue, but repeating them is no change.
    const same = {
      assigneeUserId: idOf(desk.agentA),
      queueId: before.row?.queueId,
      priority: 'NORMAL',
    } as const;
    await updateConversation(desk.events, desk.agentB, id, same);
    expect(await stateOf(id)).toEqual(before);
    await setConversationStatus(desk.events, desk.supervisor, id, 'CLOSED');
    await expect(
      updateConversation(desk.events, desk.supervisor, id, { priority: 'NORMAL' }),
    ).rejects.toMatchObject({
      code: 'conversation_closed',
    });
  });
});

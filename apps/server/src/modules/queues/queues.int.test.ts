import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { assignConversation, setConversationStatus } from '../conversations/conversations.service.ts';
import { createDesk, type Desk, logOf } from '../conversations/test-fixtures.ts';
import { createConversation } from '../conversations/threading.ts';
import { insertTestUser } from '../users/test-helpers.ts';
import { findQueueById, listQueueMemberIds, listQueues } from './queues.repo.ts';
import {
  createQueue,
  deleteQueue,
  ensureDefaultQueue,
  renameQueue,
  setQueueMembers,
} from './queues.service.ts';

let db: Db;
let desk: Desk;

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
});

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('queues', () => {
  it('has exactly one Default queue however many callers ensure it at once', async () => {
    const fresh = await createTestDb();
    const queues = await Promise.all(Array.from({ length: 6 }, () => ensureDefaultQueue(fresh.orm)));
    expect(new Set(queues.map((q) => q.id)).size).toBe(1);
    expect(queues[0]).toMatchObject({ name: 'Default', isDefault: true });
  });

  it('creates and renames queues with names unique ignoring case', async () => {
    const q = await createQueue(desk.events, `Billing ${desk.suffix}`);
    expect(await codeOf(() => createQueue(desk.events, `billing ${desk.suffix}`))).toBe('conflict');
    const renamed = await renameQueue(desk.events, q.id, `Invoices ${desk.suffix}`);
    expect(renamed.name).toBe(`Invoices ${desk.suffix}`);
    expect(await codeOf(() => renameQueue(desk.events, q.id, desk.queue.name.toUpperCase()))).toBe(
      'conflict',
    );
    expect((await listQueues(db.orm))[0]?.isDefault).toBe(true);
  });

  it('accepts only enabled agents as members', async () => {
    const admin = await insertTestUser(db, ['admin']);
    const agent = await insertTestUser(db, ['agent']);
    const q = await createQueue(desk.events, `Members ${desk.suffix}`);
    expect(await codeOf(() => setQueueMembers(desk.events, q.id, [agent.id, admin.id]))).toBe(
      'validation_failed',
    );
    expect(await setQueueMembers(desk.events, q.id, [agent.id, agent.id])).toEqual([agent.id]);
    expect(await listQueueMemberIds(db.orm, q.id)).toEqual([agent.id]);
  });

  it('moves the open conversations of a deleted queue to Default (logged); closed ones keep it', async () => {
    const q = await createQueue(desk.events, `Doomed ${desk.suffix}`);
    const a = 'userId' in desk.agentA ? desk.agentA.userId : '';
    await setQueueMembers(desk.events, q.id, [a]);
    const open = await createConversation(desk.events, desk.supervisor, { queueId: q.id });
    await assignConversation(desk.events, desk.supervisor, open.id, a);
    const closed = await createConversation(desk.events, desk.supervisor, { queueId: q.id });
    const closedRow = await setConversationStatus(desk.events, desk.supervisor, closed.id, 'CLOSED');

    await deleteQueue(desk.events, desk.supervisor, q.id);

    expect(await findConversationById(db.orm, open.id)).toMatchObject({
      queueId: desk.defaultQueue.id,
      assigneeUserId: a,
    });
    expect((await logOf(db, open.id)).at(-1)).toMatchObject({
      kind: 'queue',
      from: q.id,
      to: desk.defaultQueue.id,
      actorKind: 'supervisor',
    });
    expect(await findConversationById(db.orm, closed.id)).toEqual(closedRow);
    expect(await findQueueById(db.orm, q.id)).toBeUndefined();
    expect(await listQueueMemberIds(db.orm, q.id)).toEqual([]);
    expect(await codeOf(() => createConversation(desk.events, desk.supervisor, { queueId: q.id }))).toBe(
      'not_found',
    );
    // The name is free again.
    expect((await createQueue(desk.events, `Doomed ${desk.suffix}`)).id).not.toBe(q.id);
  });

  it('never deletes the Default queue', async () => {
    expect(await codeOf(() => deleteQueue(desk.events, desk.supervisor, desk.defaultQueue.id))).toBe(
      'conflict',
    );
  });

  it('never renames the Default queue (integrations find it by name)', async () => {
    expect(await codeOf(() => renameQueue(desk.events, desk.defaultQueue.id, 'Inbox'))).toBe('conflict');
    expect((await findQueueById(db.orm, desk.defaultQueue.id))?.name).toBe(desk.defaultQueue.name);
  });
});

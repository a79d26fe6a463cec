import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { setConversationMetadata } from './conversation-metadata.service.ts';
import { findConversationById } from './conversations.repo.ts';
import { setConversationStatus } from './conversations.service.ts';
import { createDesk, type Desk, logOf } from './test-fixtures.ts';
import { createConversation } from './threading.ts';

let db: Db;
let desk: Desk;

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
});

async function updatedEvents(conversationId: string) {
  const { rows } = await db.pool.query(
    `select payload from outbox_events
      where type = 'conversation.updated' and payload->>'conversationId' = $1 order by occurred_at`,
    [conversationId],
  );
  return rows.map((r) => r.payload);
}

describe('conversation metadata', () => {
  it('replaces, merges under the lock and clears, each an update event, never a log entry', async () => {
    const { id } = await createConversation(desk.events, desk.supervisor, {});
    const automation = { kind: 'automation' } as const;
    await setConversationMetadata(desk.events, automation, id, { crm: 'A-1' });
    const merged = await setConversationMetadata(desk.events, automation, id, (current) => ({
      ...current,
      score: 3,
    }));
    expect(merged.metadata).toEqual({ crm: 'A-1', score: 3 });
    // The same metadata again changes nothing.
    await setConversationMetadata(desk.events, automation, id, { score: 3, crm: 'A-1' });
    const cleared = await setConversationMetadata(desk.events, desk.agentA, id, null);
    expect(cleared.metadata).toBeNull();

    const events = await updatedEvents(id);
    expect(events.map((e) => e.changes.metadata)).toEqual([{ crm: 'A-1' }, { crm: 'A-1', score: 3 }, null]);
    expect(events[0]).toMatchObject({ conversationId: id, actor: automation });
    expect(await logOf(db, id)).toEqual([]);
  });

  it('refuses a CLOSED conversation and an unknown one, changing nothing', async () => {
    const { id } = await createConversation(desk.events, desk.supervisor, {});
    await setConversationMetadata(desk.events, desk.supervisor, id, { kept: true });
    await setConversationStatus(desk.events, desk.supervisor, id, 'CLOSED');
    const before = await findConversationById(db.orm, id);
    const refusal = await setConversationMetadata(desk.events, desk.supervisor, id, null).catch((e) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('conversation_closed');
    expect(await findConversationById(db.orm, id)).toEqual(before);
    const unknown = await setConversationMetadata(
      desk.events,
      desk.supervisor,
      crypto.randomUUID(),
      {},
    ).catch((e) => e);
    expect((unknown as AppError).code).toBe('not_found');
  });
});

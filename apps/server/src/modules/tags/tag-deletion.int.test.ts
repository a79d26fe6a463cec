import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { findTagsPage } from '../../ccaas/tags/tags.query.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { addConversationTag, setConversationStatus } from '../conversations/conversations.service.ts';
import { createDesk, type Desk, logOf } from '../conversations/test-fixtures.ts';
import { createConversation } from '../conversations/threading.ts';
import { findTagUsage, listTags, listTagUsage } from './tags.repo.ts';
import { createTag, deleteTag, updateTag } from './tags.service.ts';

let db: Db;
let desk: Desk;

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
});

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function tagIdsOf(conversationId: string): Promise<string[]> {
  const { rows } = await db.pool.query('select tag_id from conversation_tags where conversation_id = $1', [
    conversationId,
  ]);
  return rows.map((r: { tag_id: string }) => r.tag_id);
}

const catalogue = {
  offset: 0,
  limit: 100,
  page: 0,
  order: [{ field: 'id' as const, direction: 'asc' as const }],
  orderBy: 'id:ASC',
};

describe('deleting a catalogue tag', () => {
  it('takes it off open conversations with a logged change, leaves CLOSED ones untouched', async () => {
    const name = `billing-${desk.suffix}`;
    const tag = await createTag(desk.events, { name, kind: 'conversation' });
    const [open, waiting, closed] = await Promise.all(
      [1, 2, 3].map(async () => (await createConversation(desk.events, desk.supervisor, {})).id),
    );
    for (const id of [open, waiting, closed] as string[]) {
      await addConversationTag(desk.events, desk.agentA, id, tag.id);
    }
    await setConversationStatus(desk.events, desk.agentA, waiting as string, 'WAITING');
    await setConversationStatus(desk.events, desk.agentA, closed as string, 'CLOSED');
    const closedBefore = await findConversationById(db.orm, closed as string);
    const closedLog = await logOf(db, closed as string);
    // What the delete confirmation states: two lose it, one keeps it.
    const usage = { tagId: tag.id, openConversations: 2, closedConversations: 1, templates: 0 };
    expect(await findTagUsage(db.orm, tag.id)).toEqual(usage);
    expect(await listTagUsage(db.orm, 'conversation')).toContainEqual(usage);

    await deleteTag(desk.events, desk.supervisor, tag.id);

    const untagged = { kind: 'tag', from: tag.id, to: null, actorKind: 'supervisor' };
    for (const id of [open, waiting] as string[]) {
      expect(await tagIdsOf(id)).toEqual([]);
      expect((await logOf(db, id)).at(-1)).toMatchObject(untagged);
    }
    expect(await tagIdsOf(closed as string)).toEqual([tag.id]);
    expect(await logOf(db, closed as string)).toEqual(closedLog);
    expect(await findConversationById(db.orm, closed as string)).toEqual(closedBefore);

    const { rows } = await db.pool.query(
      `select type, payload from outbox_events
        where type = 'conversation.untagged' and payload->>'tagId' = $1`,
      [tag.id],
    );
    expect(rows.map((r) => r.payload.conversationId).sort()).toEqual([open, waiting].sort());
    expect(rows[0].payload.actor).toEqual(desk.supervisor);

    // Gone from the catalogue lists, its name free again; the closed conversation still lists it.
    expect((await listTags(db.orm, 'conversation')).map((t) => t.id)).not.toContain(tag.id);
    expect(await findTagUsage(db.orm, tag.id)).toBeUndefined();
    expect((await findTagsPage(db.orm, {}, catalogue)).rows.map((t) => t.id)).not.toContain(tag.id);
    const onClosed = await findTagsPage(db.orm, { conversationId: closed as string }, catalogue);
    expect(onClosed.rows.map((t) => t.name)).toEqual([name]);
    const again = await createTag(desk.events, { name, kind: 'conversation' });
    expect(again.id).not.toBe(tag.id);
  });

  it('refuses to put, rename or delete a deleted tag', async () => {
    const tag = await createTag(desk.events, { name: `gone-${desk.suffix}`, kind: 'conversation' });
    const conv = await createConversation(desk.events, desk.supervisor, {});
    await deleteTag(desk.events, { kind: 'automation' }, tag.id);
    expect(await outcome(() => addConversationTag(desk.events, desk.agentA, conv.id, tag.id))).toBe(
      'not_found',
    );
    expect(await tagIdsOf(conv.id)).toEqual([]);
    expect(await outcome(() => updateTag(desk.events, tag.id, { name: 'back' }))).toBe('not_found');
    expect(await outcome(() => deleteTag(desk.events, desk.supervisor, tag.id))).toBe('not_found');
  });

  it('logs the deletion by automation', async () => {
    const tag = await createTag(desk.events, { name: `auto-${desk.suffix}`, kind: 'conversation' });
    const conv = await createConversation(desk.events, desk.supervisor, {});
    await addConversationTag(desk.events, desk.agentA, conv.id, tag.id);
    await deleteTag(desk.events, { kind: 'automation' }, tag.id);
    expect((await logOf(db, conv.id)).at(-1)).toEqual({
      kind: 'tag',
      from: tag.id,
      to: null,
      actorKind: 'automation',
      actorUserId: null,
    });
  });

  it('never leaves a deleted tag on an open conversation when tagging races the deletion', async () => {
    for (let i = 0; i < 8; i++) {
      const tag = await createTag(desk.events, { name: `race-${i}-${desk.suffix}`, kind: 'conversation' });
      const conv = await createConversation(desk.events, desk.supervisor, {});
      const [added, deleted] = await Promise.all([
        outcome(() => addConversationTag(desk.events, desk.agentA, conv.id, tag.id)),
        outcome(() => deleteTag(desk.events, desk.supervisor, tag.id)),
      ]);
      expect(deleted).toBe('ok');
      expect(['ok', 'not_found']).toContain(added);
      expect(await tagIdsOf(conv.id)).toEqual([]);
      // Added then taken off: both logged; refused: nothing logged.
      const tagLog = (await logOf(db, conv.id)).filter((e) => e.kind === 'tag');
      expect(tagLog.length).toBe(added === 'ok' ? 2 : 0);
    }
  });
});

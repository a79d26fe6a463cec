import { TEMPLATE_LIMITS } from '@parley/contracts';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { createEvents } from '../../platform/events/events.ts';
import type { Events } from '../../platform/events/types.ts';
import { createTag, deleteTag } from '../tags/tags.service.ts';
import { tagsOfTemplates } from './templates.repo.ts';
import { createTemplate } from './templates.service.ts';

let db: Db;
let events: Events;

beforeAll(async () => {
  db = await createTestDb();
  events = createEvents(db, pino({ level: 'silent' }));
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

const template = (name: string, tagIds: string[] = []) => ({
  name,
  text: 'Hello',
  language: 'en' as const,
  channel: null,
  tagIds,
});

describe('templates', () => {
  it('never leaves a deleted tag on a template when creating races the deletion', async () => {
    for (let i = 0; i < 8; i++) {
      const tag = await createTag(events, { name: `race-${i}`, kind: 'template' });
      const [created, deleted] = await Promise.all([
        outcome(() => createTemplate(events, template(`Race ${i}`, [tag.id]))),
        outcome(() => deleteTag(events, { kind: 'automation' }, tag.id)),
      ]);
      expect(deleted).toBe('ok');
      expect(['ok', 'not_found']).toContain(created);
      const { rows } = await db.pool.query('select count(*)::int as n from template_tags where tag_id = $1', [
        tag.id,
      ]);
      expect(rows[0].n).toBe(0);
    }
  });

  it('keeps the catalogue within its limit', async () => {
    const { rows } = await db.pool.query('select count(*)::int as n from templates');
    const missing = TEMPLATE_LIMITS.catalogue - rows[0].n;
    await db.pool.query(
      `insert into templates (id, name, text, language)
       select gen_random_uuid(), 'Bulk ' || i, 'Hello', 'en' from generate_series(1, $1::int) i`,
      [missing],
    );
    expect(await outcome(() => createTemplate(events, template('One too many')))).toBe('limit_exceeded');
    expect(await tagsOfTemplates(db.orm, [])).toEqual(new Map());
  });
});

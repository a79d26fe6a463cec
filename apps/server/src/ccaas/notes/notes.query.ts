import { and, count, eq } from 'drizzle-orm';
import type { NoteRow } from '../../modules/messages/messages.repo.ts';
import { notes } from '../../modules/messages/notes.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { type PageRequest, pageOf } from '../pagination.ts';

export type NoteOrderField = 'id' | 'createdAt' | 'updatedAt';

// Notes are never edited: "updatedAt" is their creation time.
const ORDER_COLUMNS = { id: notes.id, createdAt: notes.createdAt, updatedAt: notes.createdAt } as const;

export async function findNote(
  orm: Orm,
  conversationId: string,
  noteId: string,
): Promise<NoteRow | undefined> {
  const [row] = await orm
    .select()
    .from(notes)
    .where(and(eq(notes.conversationId, conversationId), eq(notes.id, noteId)));
  return row;
}

/** One page of a conversation's notes, and how many it has. */
export function findNotesPage(orm: Orm, conversationId: string, page: PageRequest<NoteOrderField>) {
  const where = eq(notes.conversationId, conversationId);
  const rows = orm.select().from(notes).where(where).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(notes).where(where), page, ORDER_COLUMNS);
}

import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { NoteRow } from '../../modules/messages/messages.repo.ts';
import { notes } from '../../modules/messages/notes.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { PageRequest } from '../pagination.ts';

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
export async function findNotesPage(
  orm: Orm,
  conversationId: string,
  page: PageRequest<NoteOrderField>,
): Promise<{ rows: NoteRow[]; total: number }> {
  const where = eq(notes.conversationId, conversationId);
  const order = page.order.map((t) =>
    t.direction === 'asc' ? asc(ORDER_COLUMNS[t.field]) : desc(ORDER_COLUMNS[t.field]),
  );
  const [rows, [totals]] = await Promise.all([
    orm
      .select()
      .from(notes)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    orm.select({ total: count() }).from(notes).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

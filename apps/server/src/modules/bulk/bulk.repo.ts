import { inArray } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';
import { conversations } from '../conversations/conversations.schema.ts';

/** Rows per lookup query, well under PostgreSQL's parameter limit. */
const LOOKUP_BATCH = 1000;

/** The conversations among `ids` that exist, by id, read a batch at a time. */
export async function findConversationsByIds(
  orm: Orm,
  ids: readonly string[],
): Promise<Map<string, ConversationRow>> {
  const rows = new Map<string, ConversationRow>();
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const batch = ids.slice(i, i + LOOKUP_BATCH);
    for (const row of await orm.select().from(conversations).where(inArray(conversations.id, batch))) {
      rows.set(row.id, row);
    }
  }
  return rows;
}

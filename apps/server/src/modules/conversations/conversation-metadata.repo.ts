import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { ConversationRow } from './conversations.repo.ts';
import { conversations } from './conversations.schema.ts';

/** Writes the integrator's metadata (null: none). */
export async function updateConversationMetadata(
  tx: Orm,
  id: string,
  metadata: ConversationRow['metadata'],
): Promise<ConversationRow> {
  const [row] = await tx
    .update(conversations)
    .set({ metadata, updatedAt: sql`now()` })
    .where(eq(conversations.id, id))
    .returning();
  if (!row) throw new Error(`conversation ${id} vanished inside its transaction`);
  return row;
}

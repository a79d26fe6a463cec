import { and, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { MessageRow } from './messages.repo.ts';
import { messages } from './messages.schema.ts';

/** The message, locked until the transaction ends (reports and send jobs wait for it). */
export async function findMessageForUpdate(tx: Orm, id: string): Promise<MessageRow | undefined> {
  const [row] = await tx.select().from(messages).where(eq(messages.id, id)).for('update');
  return row;
}

/** Moves a FAILED message back to PENDING without its failure reason; undefined when it is not FAILED. */
export async function reopenFailedMessage(tx: Orm, id: string): Promise<MessageRow | undefined> {
  const [row] = await tx
    .update(messages)
    .set({ deliveryState: 'PENDING', failureReason: null, updatedAt: sql`now()` })
    .where(and(eq(messages.id, id), eq(messages.deliveryState, 'FAILED')))
    .returning();
  return row;
}

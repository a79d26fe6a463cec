import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { MessageRow } from './messages.repo.ts';
import { messages } from './messages.schema.ts';

// The send claim of outbound messages (channels/outbound.jobs.ts): a PENDING message is taken by
// one send job at a time (PENDING → SENDING), so no two jobs ever hand it to a provider.

/**
 * Claims a PENDING outbound message for one send attempt: sets the claim and counts the attempt.
 * Undefined when it is not PENDING or another job holds it.
 */
export async function claimMessageSend(orm: Orm, id: string): Promise<MessageRow | undefined> {
  const [row] = await orm
    .update(messages)
    .set({ sendClaimedAt: sql`now()`, sendAttempts: sql`${messages.sendAttempts} + 1` })
    .where(
      and(
        eq(messages.id, id),
        eq(messages.direction, 'OUTBOUND'),
        eq(messages.deliveryState, 'PENDING'),
        isNull(messages.sendClaimedAt),
      ),
    )
    .returning();
  return row;
}

/** Lets go of a claim after a retryable failure; the attempt count stays for the backoff. */
export async function releaseMessageSend(orm: Orm, id: string): Promise<void> {
  await orm.update(messages).set({ sendClaimedAt: null }).where(eq(messages.id, id));
}

/** Ends a sending round (sent or failed): no claim, no attempts, so a later retry starts afresh. */
export async function endMessageSend(orm: Orm, id: string): Promise<void> {
  await orm.update(messages).set({ sendClaimedAt: null, sendAttempts: 0 }).where(eq(messages.id, id));
}

/** PENDING messages claimed longer ago than `seconds`: their process died mid-send. */
export async function findStaleSendClaims(orm: Orm, seconds: number): Promise<string[]> {
  const rows = await orm
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        lt(messages.sendClaimedAt, sql`now() - make_interval(secs => ${seconds})`),
        eq(messages.deliveryState, 'PENDING'),
      ),
    )
    .limit(100);
  return rows.map((r) => r.id);
}

/**
 * OUTBOUND PENDING messages nobody holds, created more than `seconds` ago: their send job may be
 * lost (a process died between a failed attempt and queueing the retry), so they are queued again.
 */
export async function findUnclaimedPendingSends(orm: Orm, seconds: number): Promise<string[]> {
  const rows = await orm
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.direction, 'OUTBOUND'),
        eq(messages.deliveryState, 'PENDING'),
        isNull(messages.sendClaimedAt),
        lt(messages.createdAt, sql`now() - make_interval(secs => ${seconds})`),
      ),
    )
    .limit(1000);
  return rows.map((r) => r.id);
}

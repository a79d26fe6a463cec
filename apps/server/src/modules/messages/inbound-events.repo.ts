import type { Channel } from '@parley/contracts';
import { inArray, sql } from 'drizzle-orm';
import type { Db, Orm } from '../../platform/db/client.ts';
import { inboundEvents } from './inbound-events.schema.ts';

// Plain SQL on the pool: the webhook's acknowledgement waits for the insert, and the processor's
// claim/mark statements run thousands of times a second under load.

/** A stored webhook body claimed for processing, with its connection's provider and channel. */
export interface ClaimedInboundEvent {
  id: string;
  connectionId: string;
  provider: string;
  channel: Channel;
  payload: unknown;
  attempts: number;
}

/** Stores one raw webhook body; the only statement on the acknowledgement path. */
export async function insertInboundEvent(db: Db, connectionId: string, payload: unknown): Promise<string> {
  const id = crypto.randomUUID();
  await db.pool.query({
    name: 'inbound_events_insert',
    text: 'insert into inbound_events (id, connection_id, payload) values ($1, $2, $3)',
    values: [id, connectionId, JSON.stringify(payload)],
  });
  return id;
}

/**
 * Claims up to `limit` due rows, oldest first, by leasing them for `leaseSeconds`: another process
 * skips them (SKIP LOCKED, then the lease), and if this one dies they become due again.
 */
export async function claimInboundEvents(
  db: Db,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedInboundEvent[]> {
  const result = await db.pool.query<{
    id: string;
    connection_id: string;
    provider: string;
    channel: Channel;
    payload: unknown;
    attempts: number;
    received_at: Date;
  }>({
    name: 'inbound_events_claim',
    text: `with due as (
        select id from inbound_events
        where processed_at is null and next_attempt_at <= now()
        order by next_attempt_at, received_at
        limit $1
        for update skip locked
      )
      update inbound_events e
      set attempts = e.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
      from due, channel_connections c
      where e.id = due.id and c.id = e.connection_id
      returning e.id, e.connection_id, c.provider, c.channel, e.payload, e.attempts, e.received_at`,
    values: [limit, leaseSeconds],
  });
  // UPDATE … RETURNING does not keep the CTE's order.
  return result.rows
    .sort((a, b) => a.received_at.getTime() - b.received_at.getTime())
    .map((row) => ({
      id: row.id,
      connectionId: row.connection_id,
      provider: row.provider,
      channel: row.channel,
      payload: row.payload,
      attempts: row.attempts,
    }));
}

/** Marks rows processed inside the transaction that processed them: both happen or neither does. */
export async function markInboundEventsProcessed(tx: Orm, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(inboundEvents)
    .set({ processedAt: sql`now()`, lastError: null })
    .where(inArray(inboundEvents.id, ids));
}

/** Keeps the error and makes the row due again after `retryAfterSeconds`. */
export async function markInboundEventFailed(
  db: Db,
  id: string,
  error: string,
  retryAfterSeconds: number,
): Promise<void> {
  await db.pool.query({
    name: 'inbound_events_failed',
    text: 'update inbound_events set last_error = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1',
    values: [id, error, retryAfterSeconds],
  });
}

/** Drops processed rows older than `days`; unprocessed rows are never dropped. */
export async function pruneProcessedInboundEvents(db: Db, days: number): Promise<number> {
  const result = await db.pool.query(
    `delete from inbound_events where processed_at < now() - make_interval(days => $1)`,
    [days],
  );
  return result.rowCount ?? 0;
}

import { and, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { outboxEvents } from './events.schema.ts';
import type { DomainEvent, EventHandler, Events, TxScope } from './types.ts';

/** Events older than this and still undispatched were left behind by a crash between commit and dispatch. */
const STALE_AFTER_MS = 10_000;
const SWEEP_EVERY_MS = 3_000;
const SWEEP_BATCH = 200;
const KEEP_DISPATCHED_DAYS = 7;

export interface EventsOptions {
  /** Overrides for tests: how old an undispatched row must be before the sweeper takes it. */
  staleAfterMs?: number;
  sweepEveryMs?: number;
}

/** The outbox + after-commit dispatcher described in ARCHITECTURE.md §4. */
export function createEvents(
  db: Db,
  logger: Logger,
  options: EventsOptions = {},
): Events & {
  /** Runs one sweep now (re-dispatch stale rows, prune old ones); the timer calls the same. */
  sweep(): Promise<number>;
} {
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const sweepEveryMs = options.sweepEveryMs ?? SWEEP_EVERY_MS;
  const handlers = new Map<string, EventHandler[]>();
  const running = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;
  let stopped = false;

  function track<T>(p: Promise<T>): Promise<T> {
    running.add(p);
    p.finally(() => running.delete(p)).catch(() => {});
    return p;
  }

  async function runHandlers(event: DomainEvent): Promise<void> {
    for (const handler of handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (err) {
        logger.error({ err, eventId: event.id, eventType: event.type }, 'event handler failed');
      }
    }
  }

  async function markDispatched(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.orm.update(outboxEvents).set({ dispatchedAt: sql`now()` }).where(inArray(outboxEvents.id, ids));
  }

  async function dispatch(events: DomainEvent[]): Promise<void> {
    for (const event of events) await runHandlers(event);
    try {
      await markDispatched(events.map((e) => e.id));
    } catch (err) {
      // The sweeper will dispatch them again: handlers must tolerate an occasional repeat.
      logger.error({ err }, 'could not mark events dispatched');
    }
  }

  async function sweep(): Promise<number> {
    // One transaction holds the row locks while handlers run, so another process skips these rows.
    const count = await db.orm.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outboxEvents)
        .where(
          sql`${outboxEvents.dispatchedAt} is null and ${outboxEvents.occurredAt} < now() - make_interval(secs => ${staleAfterMs / 1000})`,
        )
        .orderBy(outboxEvents.occurredAt)
        .limit(SWEEP_BATCH)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        await runHandlers({
          id: row.id,
          type: row.type,
          payload: row.payload,
          occurredAt: row.occurredAt.toISOString(),
        });
      }
      if (rows.length > 0) {
        await tx
          .update(outboxEvents)
          .set({ dispatchedAt: sql`now()` })
          .where(
            inArray(
              outboxEvents.id,
              rows.map((r) => r.id),
            ),
          );
        logger.warn({ count: rows.length }, 're-dispatched events left undispatched');
      }
      return rows.length;
    });
    await db.orm
      .delete(outboxEvents)
      .where(
        and(
          isNotNull(outboxEvents.dispatchedAt),
          lt(outboxEvents.dispatchedAt, sql`now() - make_interval(days => ${KEEP_DISPATCHED_DAYS})`),
        ),
      );
    return count;
  }

  function scheduleSweep(): void {
    timer = setTimeout(() => {
      sweeping = track(
        sweep().catch((err) => {
          logger.error({ err }, 'outbox sweep failed');
          return 0;
        }),
      );
      sweeping.finally(() => {
        if (!stopped) scheduleSweep();
      });
    }, sweepEveryMs);
    timer.unref();
  }

  return {
    async transact<T>(fn: (scope: TxScope) => Promise<T>): Promise<T> {
      const collected: DomainEvent[] = [];
      const result = await db.orm.transaction(async (tx) => {
        const scope: TxScope = {
          tx,
          emit(type, payload) {
            collected.push({ id: crypto.randomUUID(), type, payload, occurredAt: new Date().toISOString() });
          },
        };
        const value = await fn(scope);
        // emit() is synchronous for callers, so the outbox rows are written in one insert before COMMIT.
        if (collected.length > 0) {
          await tx
            .insert(outboxEvents)
            .values(collected.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })));
        }
        return value;
      });
      if (collected.length > 0) await track(dispatch(collected));
      return result;
    },

    on(type, handler) {
      const list = handlers.get(type) ?? [];
      list.push(handler);
      handlers.set(type, list);
    },

    async start() {
      stopped = false;
      if (!timer) scheduleSweep();
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...running]);
    },

    sweep: () => track(sweep()),
  };
}

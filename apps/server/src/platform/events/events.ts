import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Orm } from '../db/client.ts';
import { outboxEvents } from './events.schema.ts';
import type { DomainEvent, EventBatchHandler, EventHandler, Events, TxScope } from './types.ts';

/** Grace after commit before the sweeper takes a row the after-commit dispatch never finished (a crash). */
const STALE_AFTER_MS = 10_000;
const SWEEP_EVERY_MS = 3_000;
const SWEEP_BATCH = 200;
/** Events one after-commit dispatch takes at most (whole transactions; a larger one goes alone). */
const MAX_DISPATCH_EVENTS = 1000;
const KEEP_DISPATCHED_DAYS = 7;
/** Retry backoff doubles from RETRY_BASE_MS up to RETRY_MAX_MS; after MAX_ATTEMPTS failures the row is dead-lettered. */
const RETRY_BASE_MS = 5_000;
const RETRY_MAX_MS = 10 * 60_000;
const MAX_ATTEMPTS = 8;
const MAX_ERROR_CHARS = 2000;

export interface EventsOptions {
  /** Overrides for tests. */
  staleAfterMs?: number;
  sweepEveryMs?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
}

/** A handler as registered for a type: its position in that type's list is its done_handlers entry. */
type Registered = { each: EventHandler } | { batch: { handler: EventBatchHandler } };

/** One event to dispatch and the handler positions that already succeeded for it. */
interface Pending {
  event: DomainEvent;
  alreadyDone: readonly number[];
}

/** What one dispatch attempt of one event achieved. */
interface Outcome {
  ok: boolean;
  /** Handler positions that have succeeded, including those skipped because they had already. */
  done: number[];
  error?: unknown;
}

/** The outbox + after-commit dispatcher described in ARCHITECTURE.md §4 and docs/events.md. */
export function createEvents(
  db: Db,
  logger: Logger,
  options: EventsOptions = {},
): Events & {
  /** Runs one sweep now (dispatch due rows, prune old ones); the timer calls the same. */
  sweep(): Promise<number>;
} {
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const sweepEveryMs = options.sweepEveryMs ?? SWEEP_EVERY_MS;
  const retryBaseMs = options.retryBaseMs ?? RETRY_BASE_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const handlers = new Map<string, Registered[]>();
  const running = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  /**
   * After-commit dispatches run one after another, so clients hear a process's changes in commit
   * order. Transactions that commit while one runs wait here and go out together in the next: under
   * load a dispatch (and a batch handler's call) grows instead of the backlog.
   */
  const waiting: DomainEvent[][] = [];
  let dispatching = false;

  function track<T>(p: Promise<T>): Promise<T> {
    running.add(p);
    p.finally(() => running.delete(p)).catch(() => {});
    return p;
  }

  /**
   * Runs each handler not yet done, separately, so one failing handler neither blocks nor repeats the
   * others: per-event handlers event by event in order, then each batch handler once with its events.
   */
  async function runHandlers(pending: readonly Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = pending.map((p) => ({ ok: true, done: [...p.alreadyDone] }));
    const fail = (index: number, err: unknown) => {
      const outcome = outcomes[index] as Outcome;
      outcome.ok = false;
      outcome.error ??= err;
    };
    const batches = new Map<{ handler: EventBatchHandler }, { index: number; position: number }[]>();
    for (const [index, { event, alreadyDone }] of pending.entries()) {
      for (const [position, entry] of (handlers.get(event.type) ?? []).entries()) {
        if (alreadyDone.includes(position)) continue;
        if ('batch' in entry) {
          const members = batches.get(entry.batch) ?? [];
          members.push({ index, position });
          batches.set(entry.batch, members);
          continue;
        }
        try {
          await entry.each(event);
          outcomes[index]?.done.push(position);
        } catch (err) {
          fail(index, err);
          logger.error(
            { err, eventId: event.id, eventType: event.type, handler: position },
            'event handler failed',
          );
        }
      }
    }
    for (const [{ handler }, members] of batches) {
      try {
        await handler(members.map((m) => (pending[m.index] as Pending).event));
        for (const m of members) outcomes[m.index]?.done.push(m.position);
      } catch (err) {
        for (const m of members) fail(m.index, err);
        logger.error({ err, events: members.length }, 'event batch handler failed');
      }
    }
    return outcomes;
  }

  async function markDispatched(orm: Orm, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await orm.update(outboxEvents).set({ dispatchedAt: sql`now()` }).where(inArray(outboxEvents.id, ids));
  }

  /** Schedules the next attempt with backoff, or dead-letters the row once attempts run out. */
  async function recordFailure(orm: Orm, event: DomainEvent, attemptsBefore: number, outcome: Outcome) {
    const attempts = attemptsBefore + 1;
    const deadLetter = attempts >= maxAttempts;
    const delayMs = Math.min(retryBaseMs * 2 ** (attempts - 1), RETRY_MAX_MS);
    const error = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    await orm
      .update(outboxEvents)
      .set({
        attempts,
        doneHandlers: outcome.done,
        lastError: error.slice(0, MAX_ERROR_CHARS),
        nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000})`,
        failedAt: deadLetter ? sql`now()` : null,
      })
      .where(eq(outboxEvents.id, event.id));
    const context = { eventId: event.id, eventType: event.type, attempts, lastError: error };
    if (deadLetter)
      logger.fatal(context, 'event dead-lettered: a handler kept failing (outbox_events.failed_at)');
    else logger.warn({ ...context, retryInMs: delayMs }, 'event dispatch failed; will retry');
  }

  /** The first, after-commit attempt. Never rejects: whatever it cannot finish, the sweeper does. */
  async function dispatch(events: DomainEvent[]): Promise<void> {
    const succeeded: string[] = [];
    try {
      const outcomes = await runHandlers(events.map((event) => ({ event, alreadyDone: [] })));
      for (const [i, outcome] of outcomes.entries()) {
        const event = events[i] as DomainEvent;
        if (outcome.ok) succeeded.push(event.id);
        else await recordFailure(db.orm, event, 0, outcome);
      }
      await markDispatched(db.orm, succeeded);
    } catch (err) {
      // The rows stay due: the sweeper dispatches them again, so handlers must tolerate a repeat.
      logger.error({ err }, 'could not record the dispatch of events');
    }
  }

  /** Dispatches the waiting transactions' events, whole transactions of up to MAX_DISPATCH_EVENTS at a time. */
  async function dispatchWaiting(): Promise<void> {
    dispatching = true;
    while (waiting.length > 0) {
      const next = [...(waiting.shift() ?? [])];
      while (waiting.length > 0 && next.length + (waiting[0]?.length ?? 0) <= MAX_DISPATCH_EVENTS) {
        next.push(...(waiting.shift() ?? []));
      }
      await dispatch(next);
    }
    dispatching = false;
  }

  async function sweep(): Promise<number> {
    // One transaction holds the row locks while handlers run, so another process skips these rows.
    const count = await db.orm.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outboxEvents)
        .where(
          sql`${outboxEvents.dispatchedAt} is null and ${outboxEvents.failedAt} is null and ${outboxEvents.nextAttemptAt} <= now()`,
        )
        .orderBy(outboxEvents.nextAttemptAt)
        .limit(SWEEP_BATCH)
        .for('update', { skipLocked: true });
      const succeeded: string[] = [];
      const pending = rows.map((row) => ({
        event: { id: row.id, type: row.type, payload: row.payload, occurredAt: row.occurredAt.toISOString() },
        alreadyDone: row.doneHandlers,
      }));
      const outcomes = await runHandlers(pending);
      for (const [i, outcome] of outcomes.entries()) {
        const { event } = pending[i] as Pending;
        if (outcome.ok) succeeded.push(event.id);
        else await recordFailure(tx, event, (rows[i] as (typeof rows)[number]).attempts, outcome);
      }
      await markDispatched(tx, succeeded);
      if (rows.length > 0) {
        logger.warn({ count: rows.length, dispatched: succeeded.length }, 'swept undispatched events');
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
      const sweeping = track(
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

  async function drain(): Promise<void> {
    // A handler may itself transact and start another dispatch: wait until nothing is left.
    while (running.size > 0) await Promise.allSettled([...running]);
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
          const due = new Date(Date.now() + staleAfterMs);
          await tx
            .insert(outboxEvents)
            .values(collected.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt), nextAttemptAt: due })));
        }
        return value;
      });
      // Not awaited: a slow or hung handler (Redis down) must not hold the caller's request.
      if (collected.length > 0) {
        waiting.push(collected);
        if (!dispatching) track(dispatchWaiting());
      }
      return result;
    },

    on(type, handler) {
      const list = handlers.get(type) ?? [];
      list.push({ each: handler });
      handlers.set(type, list);
    },

    onBatch(types, handler) {
      const entry = { batch: { handler } };
      for (const type of typeof types === 'string' ? [types] : types) {
        const list = handlers.get(type) ?? [];
        list.push(entry);
        handlers.set(type, list);
      }
    },

    async start() {
      stopped = false;
      if (!timer) scheduleSweep();
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await drain();
    },

    drain,

    sweep: () => track(sweep()),
  };
}

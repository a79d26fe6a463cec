import { eq, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../db/client.ts';
import { outboxEvents } from './events.schema.ts';
import { createEvents } from './events.ts';
import type { DomainEvent } from './types.ts';

const logger = pino({ level: 'silent' });

describe('events outbox', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await db.pool.query('create table probe (id int primary key)');
  });

  it('stores and dispatches nothing when the transaction rolls back', async () => {
    const events = createEvents(db, logger);
    const seen: DomainEvent[] = [];
    events.on('probe.created', (e) => {
      seen.push(e);
    });
    await expect(
      events.transact(async ({ tx, emit }) => {
        await tx.execute(sql`insert into probe values (1)`);
        emit('probe.created', { id: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual([]);
    const rows = await db.orm.select().from(outboxEvents);
    expect(rows).toEqual([]);
  });

  it('dispatches after commit, in order, and handlers see committed data', async () => {
    const events = createEvents(db, logger);
    const seen: { type: string; visible: number }[] = [];
    const handler = async (e: DomainEvent) => {
      // A different pool connection: only committed rows are visible to it.
      const { rows } = await db.pool.query('select count(*)::int as n from probe where id = 2');
      seen.push({ type: e.type, visible: rows[0].n });
    };
    events.on('probe.created', handler);
    events.on('probe.touched', handler);
    const result = await events.transact(async ({ tx, emit }) => {
      await tx.execute(sql`insert into probe values (2)`);
      emit('probe.created', { id: 2 });
      emit('probe.touched', { id: 2 });
      return 'ok';
    });
    expect(result).toBe('ok');
    await events.drain();
    expect(seen).toEqual([
      { type: 'probe.created', visible: 1 },
      { type: 'probe.touched', visible: 1 },
    ]);
    const rows = await db.orm
      .select()
      .from(outboxEvents)
      .where(inArray(outboxEvents.type, ['probe.created', 'probe.touched']));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.dispatchedAt !== null)).toBe(true);
  });

  it('returns to the caller without waiting for a hung or failing handler', async () => {
    const events = createEvents(db, logger);
    let release = () => {};
    let started = false;
    events.on('probe.hung', () => {
      started = true;
      // Like a publish to a Redis that never answers.
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    events.on('probe.hung', () => Promise.reject(new Error('bus down')));
    const result = await events.transact(async ({ emit }) => {
      emit('probe.hung', {});
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(started).toBe(true);
    let drained = false;
    const draining = events.drain().then(() => {
      drained = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    release();
    await draining;
  });

  it('retries only the handler that failed, until the event is dispatched', async () => {
    const events = createEvents(db, logger, { retryBaseMs: 0 });
    const calls = { steady: 0, flaky: 0 };
    events.on('probe.flaky', () => {
      calls.steady++;
    });
    events.on('probe.flaky', () => {
      calls.flaky++;
      if (calls.flaky === 1) throw new Error('transient');
    });
    const id = await events.transact(async ({ emit }) => {
      emit('probe.flaky', {});
      return 'x';
    });
    expect(id).toBe('x');
    await events.drain();
    const [failed] = await db.orm.select().from(outboxEvents).where(eq(outboxEvents.type, 'probe.flaky'));
    expect(failed).toMatchObject({
      dispatchedAt: null,
      attempts: 1,
      doneHandlers: [0],
      lastError: 'transient',
    });
    expect(await events.sweep()).toBe(1);
    const [row] = await db.orm.select().from(outboxEvents).where(eq(outboxEvents.type, 'probe.flaky'));
    expect(row?.dispatchedAt).not.toBeNull();
    expect(row?.failedAt).toBeNull();
    expect(calls).toEqual({ steady: 1, flaky: 2 });
  });

  it('hands a batch handler one call per dispatch, and retries it only with the events it failed', async () => {
    const events = createEvents(db, logger, { retryBaseMs: 0 });
    const each: string[] = [];
    const batches: string[][] = [];
    events.on('probe.batched', (e) => {
      each.push((e.payload as { n: string }).n);
    });
    events.onBatch(['probe.batched', 'probe.batched_too'], (batch) => {
      batches.push(batch.map((e) => (e.payload as { n: string }).n));
      if (batches.length === 1) throw new Error('transient');
    });
    await events.transact(async ({ emit }) => {
      emit('probe.batched', { n: 'a' });
      emit('probe.other', { n: 'x' });
      emit('probe.batched_too', { n: 'b' });
      emit('probe.batched', { n: 'c' });
    });
    await events.drain();
    expect(each).toEqual(['a', 'c']);
    expect(batches).toEqual([['a', 'b', 'c']]);
    const failed = await db.orm
      .select()
      .from(outboxEvents)
      .where(inArray(outboxEvents.type, ['probe.batched', 'probe.batched_too']));
    // The per-event handler (position 0) succeeded; only the batch handler is left to retry.
    expect(failed.map((r) => [r.type, r.doneHandlers, r.attempts])).toEqual(
      expect.arrayContaining([
        ['probe.batched', [0], 1],
        ['probe.batched_too', [], 1],
      ]),
    );
    expect(await events.sweep()).toBe(3);
    expect(each).toEqual(['a', 'c']);
    expect(batches).toHaveLength(2);
    expect([...(batches[1] ?? [])].sort()).toEqual(['a', 'b', 'c']);
    const rows = await db.orm
      .select()
      .from(outboxEvents)
      .where(inArray(outboxEvents.type, ['probe.batched', 'probe.batched_too']));
    expect(rows.every((r) => r.dispatchedAt !== null)).toBe(true);
  });

  it('dead-letters an event whose handler keeps failing', async () => {
    const events = createEvents(db, logger, { retryBaseMs: 0, maxAttempts: 3 });
    let calls = 0;
    events.on('probe.broken', () => {
      calls++;
      throw new Error(`failure ${calls}`);
    });
    await events.transact(async ({ emit }) => emit('probe.broken', {}));
    await events.drain();
    await events.sweep();
    await events.sweep();
    // Dead-lettered: further sweeps leave it alone.
    expect(await events.sweep()).toBe(0);
    expect(calls).toBe(3);
    const [row] = await db.orm.select().from(outboxEvents).where(eq(outboxEvents.type, 'probe.broken'));
    expect(row).toMatchObject({ dispatchedAt: null, attempts: 3, lastError: 'failure 3' });
    expect(row?.failedAt).not.toBeNull();
  });

  it('sweeps a row left undispatched by a crash, once across two dispatchers', async () => {
    const id = crypto.randomUUID();
    await db.orm.insert(outboxEvents).values({
      id,
      type: 'probe.orphaned',
      payload: { id: 3 },
      occurredAt: new Date(Date.now() - 60_000),
    });
    const seen: unknown[] = [];
    const a = createEvents(db, logger);
    const b = createEvents(db, logger);
    for (const events of [a, b]) {
      events.on('probe.orphaned', (e) => {
        seen.push(e.payload);
      });
    }
    const counts = await Promise.all([a.sweep(), b.sweep()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect(seen).toEqual([{ id: 3 }]);
    const [row] = await db.orm.select().from(outboxEvents).where(eq(outboxEvents.id, id));
    expect(row?.dispatchedAt).not.toBeNull();
    expect(await a.sweep()).toBe(0);
  });

  it('prunes dispatched rows older than a week', async () => {
    const id = crypto.randomUUID();
    const old = new Date(Date.now() - 8 * 24 * 3600_000);
    await db.orm
      .insert(outboxEvents)
      .values({ id, type: 'probe.old', payload: {}, occurredAt: old, dispatchedAt: old });
    await createEvents(db, logger).sweep();
    expect(await db.orm.select().from(outboxEvents).where(eq(outboxEvents.id, id))).toEqual([]);
  });

  it('stop() waits for a running sweep and its handlers', async () => {
    const events = createEvents(db, logger, { sweepEveryMs: 1 });
    await events.start();
    await events.stop();
    // After stop nothing is scheduled: a later sweep runs only on request.
    expect(await events.sweep()).toBe(0);
  });
});

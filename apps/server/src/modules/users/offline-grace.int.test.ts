import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  OFFLINE_CHECK_JOB,
  type OfflineGraceDeps,
  recordConnectionChange,
  runOfflineCheck,
  runScheduledOfflineCheck,
  sweepOfflineUsers,
} from './offline-grace.service.ts';
import { signedInUser } from './test-helpers.ts';
import { tryLockOfflineSweep } from './user-connectivity.repo.ts';

let app: App;
let db: Db;
let ctx: AppContext;
let deps: OfflineGraceDeps;
let grace: number;

beforeAll(async () => {
  // No periodic sweep in the background: the tests run it themselves.
  ({ app, db, ctx } = await buildTestApp({ JOBS_ENABLED: 'false' }));
  deps = { ...ctx, isUserConnected: (id) => ctx.realtime.isUserConnected(id) };
  grace = ctx.config.OFFLINE_GRACE_SECONDS;
});
afterAll(async () => {
  await app.close();
});

/** Moves every "last known around" time of the user `seconds` into the past, as if that time had passed. */
async function age(userId: string, seconds: number): Promise<void> {
  const shift = [userId, seconds];
  await db.pool.query(
    `update user_connectivity set
       last_connected_at = last_connected_at - make_interval(secs => $2),
       last_disconnected_at = last_disconnected_at - make_interval(secs => $2),
       last_signed_in_at = last_signed_in_at - make_interval(secs => $2)
     where user_id = $1`,
    shift,
  );
  await db.pool.query(
    'update users set availability_changed_at = availability_changed_at - make_interval(secs => $2) where id = $1',
    shift,
  );
}

async function availabilityOf(userId: string): Promise<{ availability: string; reason: string }> {
  const { rows } = await db.pool.query(
    `select u.availability, l.reason from users u
     join lateral (select reason from availability_log where user_id = u.id order by changed_at desc, id desc limit 1) l on true
     where u.id = $1`,
    [userId],
  );
  return rows[0];
}

async function marksOf(userId: string): Promise<{ connected: Date | null; disconnected: Date | null }> {
  const { rows } = await db.pool.query(
    'select last_connected_at as connected, last_disconnected_at as disconnected from user_connectivity where user_id = $1',
    [userId],
  );
  return rows[0] ?? { connected: null, disconnected: null };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('offline grace period', () => {
  it('keeps a user ACTIVE who reloads near the end of the grace, and counts it from the last disconnect', async () => {
    const s = await signedInUser(app, db, ['agent']);
    await recordConnectionChange(deps, s.user.id, 1);
    await recordConnectionChange(deps, s.user.id, 0);
    // The first disconnect's check comes due just as the user reloads the page.
    await age(s.user.id, grace + 1);
    await recordConnectionChange(deps, s.user.id, 1);
    await recordConnectionChange(deps, s.user.id, 0);

    const send = vi.spyOn(ctx.jobs, 'send').mockResolvedValue();
    try {
      await runScheduledOfflineCheck(deps, s.user.id);
      expect(await availabilityOf(s.user.id)).toMatchObject({ availability: 'ACTIVE' });
      expect(send).toHaveBeenCalledWith(
        OFFLINE_CHECK_JOB,
        { userId: s.user.id },
        { startAfterSeconds: expect.any(Number), singletonKey: s.user.id },
      );
      const after = send.mock.calls[0]?.[2]?.startAfterSeconds ?? 0;
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThanOrEqual(grace);
    } finally {
      send.mockRestore();
    }

    await age(s.user.id, grace);
    expect(await runOfflineCheck(deps, s.user.id)).toEqual({ status: 'offline' });
    expect(await availabilityOf(s.user.id)).toEqual({ availability: 'OFFLINE', reason: 'disconnected' });
  });

  it('makes OFFLINE, through the sweep, a user whose process died without a disconnect', async () => {
    const s = await signedInUser(app, db, ['agent']);
    // A SIGKILLed process: its heartbeat stopped, its connection rows stay, no disconnect was recorded.
    const deadProcess = crypto.randomUUID();
    await db.pool.query(
      "insert into realtime_processes (id, heartbeat_at) values ($1, now() - interval '1 hour')",
      [deadProcess],
    );
    await db.pool.query('insert into realtime_connections (id, user_id, process_id) values ($1, $2, $3)', [
      crypto.randomUUID(),
      s.user.id,
      deadProcess,
    ]);
    await recordConnectionChange(deps, s.user.id, 1);

    // Just connected: the full grace still lies ahead.
    await sweepOfflineUsers(deps);
    expect(await availabilityOf(s.user.id)).toMatchObject({ availability: 'ACTIVE' });

    await age(s.user.id, grace + 1);
    expect(await sweepOfflineUsers(deps)).toBeGreaterThanOrEqual(1);
    expect(await availabilityOf(s.user.id)).toEqual({ availability: 'OFFLINE', reason: 'disconnected' });
  });

  it('makes OFFLINE, through the sweep, a signed-in user who never connected and whose check was lost', async () => {
    const s = await signedInUser(app, db, ['agent']);
    await age(s.user.id, grace + 1);
    await sweepOfflineUsers(deps);
    expect(await availabilityOf(s.user.id)).toEqual({ availability: 'OFFLINE', reason: 'disconnected' });
  });

  it('leaves a user with a live socket ACTIVE however long ago they connected, and records the close', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const ws = new WebSocket(`${address.replace('http', 'ws')}/api/ws`, { headers: { cookie: s.cookie } });
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.on('message', (raw) => {
        if ((JSON.parse(String(raw)) as { type: string }).type === 'session.ready') resolve();
      });
    });
    await until(async () => (await marksOf(s.user.id)).connected !== null);
    await age(s.user.id, grace + 60);
    const aged = (await marksOf(s.user.id)).connected;

    await sweepOfflineUsers(deps);
    expect(await availabilityOf(s.user.id)).toMatchObject({ availability: 'ACTIVE' });
    // Seen connected: should this process die now, the user still gets the whole grace period.
    expect((await marksOf(s.user.id)).connected?.getTime()).toBeGreaterThan(aged?.getTime() ?? 0);

    const send = vi.spyOn(ctx.jobs, 'send').mockResolvedValue();
    try {
      ws.close();
      await until(async () => (await marksOf(s.user.id)).disconnected !== null && send.mock.calls.length > 0);
      expect(send).toHaveBeenCalledWith(
        OFFLINE_CHECK_JOB,
        { userId: s.user.id },
        { startAfterSeconds: grace, singletonKey: s.user.id },
      );
    } finally {
      send.mockRestore();
    }
  });

  it('sweeps on one process at a time', async () => {
    const s = await signedInUser(app, db, ['agent']);
    await age(s.user.id, grace + 1);
    await db.orm.transaction(async (tx) => {
      expect(await tryLockOfflineSweep(tx)).toBe(true);
      expect(await sweepOfflineUsers(deps)).toBe(0);
    });
    expect(await availabilityOf(s.user.id)).toMatchObject({ availability: 'ACTIVE' });
  });
});

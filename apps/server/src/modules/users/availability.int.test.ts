import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { OFFLINE_CHECK_JOB } from './offline-grace.service.ts';
import { insertTestUser, signedInUser, signIn } from './test-helpers.ts';

let app: App;
let db: Db;
let ctx: AppContext;

beforeAll(async () => {
  ({ app, db, ctx } = await buildTestApp());
});
afterAll(async () => {
  await app.close();
});

async function logOf(userId: string): Promise<{ availability: string; reason: string }[]> {
  const { rows } = await db.pool.query(
    'select availability, reason from availability_log where user_id = $1 order by changed_at, id',
    [userId],
  );
  return rows;
}

async function availabilityEvents(userId: string): Promise<{ availability: string }[]> {
  const { rows } = await db.pool.query(
    `select payload from outbox_events where type = 'user.availability_changed' and payload->>'userId' = $1
     order by occurred_at`,
    [userId],
  );
  return rows.map((r) => r.payload);
}

describe('availability', () => {
  it('becomes ACTIVE on sign-in and schedules the offline check for after the grace period', async () => {
    const user = await insertTestUser(db, ['agent']);
    const send = vi.spyOn(ctx.jobs, 'send');
    try {
      await signIn(app, user.email);
      expect(send).toHaveBeenCalledWith(
        OFFLINE_CHECK_JOB,
        { userId: user.id },
        { startAfterSeconds: ctx.config.OFFLINE_GRACE_SECONDS, singletonKey: user.id },
      );
    } finally {
      send.mockRestore();
    }
    expect(await logOf(user.id)).toEqual([{ availability: 'ACTIVE', reason: 'login' }]);
    expect((await availabilityEvents(user.id)).map((e) => e.availability)).toEqual(['ACTIVE']);
  });

  it('changes from the menu: logs it, records the event and pushes it to every role', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const publish = vi.spyOn(ctx.realtime, 'publish');
    try {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/me/availability',
        headers: s.headers,
        payload: { availability: 'BUSY' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: s.user.id, availability: 'BUSY' });
      // The push runs after the commit, so on a busy machine it may land just after the answer.
      await vi.waitFor(() =>
        expect(publish).toHaveBeenCalledWith(
          { roles: ['agent', 'supervisor', 'admin'] },
          {
            type: 'user.availability_changed',
            payload: { userId: s.user.id, availability: 'BUSY', changedAt: expect.any(String) },
          },
        ),
      );
    } finally {
      publish.mockRestore();
    }
    expect(await logOf(s.user.id)).toEqual([
      { availability: 'ACTIVE', reason: 'login' },
      { availability: 'BUSY', reason: 'menu' },
    ]);
    const again = await app.inject({
      method: 'PUT',
      url: '/api/me/availability',
      headers: s.headers,
      payload: { availability: 'BUSY' },
    });
    expect(again.statusCode).toBe(200);
    expect(await availabilityEvents(s.user.id)).toHaveLength(2);
  });

  it('rejects an unknown availability', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/me/availability',
      headers: s.headers,
      payload: { availability: 'INVISIBLE' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('shows colleagues and their availability on the team board', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const res = await app.inject({ method: 'GET', url: '/api/team', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    const me = (res.json() as { items: { id: string; availability: string }[] }).items.find(
      (m) => m.id === s.user.id,
    );
    expect(me).toMatchObject({ availability: 'ACTIVE' });
    expect(res.body).not.toContain('email');
  });

  it('pushes user edits to admins and to the user', async () => {
    const admin = await signedInUser(app, db, ['admin']);
    const user = await insertTestUser(db, ['agent']);
    const publish = vi.spyOn(ctx.realtime, 'publish');
    try {
      await app.inject({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        headers: admin.headers,
        payload: { displayName: 'Pushed' },
      });
      expect(publish).toHaveBeenCalledWith(
        { roles: ['admin'], userIds: [user.id] },
        { type: 'user.updated', payload: expect.objectContaining({ id: user.id, displayName: 'Pushed' }) },
      );
    } finally {
      publish.mockRestore();
    }
  });
});

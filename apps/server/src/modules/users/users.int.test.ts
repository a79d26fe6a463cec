import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { insertTestUser, PASSWORD, signedInUser, signIn, type TestSession } from './test-helpers.ts';

let app: App;
let db: Db;
let admin: TestSession;
let supervisor: TestSession;
let agent: TestSession;

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  admin = await signedInUser(app, db, ['admin']);
  supervisor = await signedInUser(app, db, ['supervisor', 'agent']);
  agent = await signedInUser(app, db, ['agent']);
});
afterAll(async () => {
  await app.close();
});

const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const someId = '00000000-0000-4000-8000-000000000000';

describe('admin routes access', () => {
  const routes = [
    { method: 'GET', url: '/api/users' },
    {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'x@example.test', displayName: 'X', roles: ['agent'], password: PASSWORD },
    },
    { method: 'PATCH', url: `/api/users/${someId}`, payload: { displayName: 'Y' } },
    { method: 'POST', url: `/api/users/${someId}/password`, payload: { password: PASSWORD } },
    { method: 'GET', url: '/api/api-keys' },
    { method: 'POST', url: '/api/api-keys', payload: { name: 'k' } },
    { method: 'DELETE', url: `/api/api-keys/${someId}` },
  ] as const;

  for (const route of routes) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 for agents and supervisors`, async () => {
      const payload = 'payload' in route ? route.payload : undefined;
      const anonymous = await app.inject({ method: route.method, url: route.url, payload });
      expect(anonymous.statusCode).toBe(401);
      for (const who of [agent, supervisor]) {
        const res = await app.inject({ method: route.method, url: route.url, payload, headers: who.headers });
        expect(res.statusCode).toBe(403);
        expect(errorCode(res)).toBe('forbidden');
      }
    });
  }

  it('answers 400 to bad bodies and ids from an admin', async () => {
    const bad = [
      {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'nope', displayName: '', roles: [], password: 'short' },
      },
      {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'a@example.test', displayName: 'A', roles: ['root'], password: PASSWORD },
      },
      { method: 'PATCH', url: `/api/users/${someId}`, payload: { roles: [] } },
      { method: 'PATCH', url: '/api/users/not-a-uuid', payload: { displayName: 'Y' } },
      { method: 'POST', url: `/api/users/${someId}/password`, payload: { password: 'short' } },
      { method: 'POST', url: '/api/api-keys', payload: { name: '' } },
      { method: 'DELETE', url: '/api/api-keys/not-a-uuid' },
    ] as const;
    for (const r of bad) {
      const res = await app.inject({
        method: r.method,
        url: r.url,
        payload: 'payload' in r ? r.payload : undefined,
        headers: admin.headers,
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
    }
  });

  it('answers 404 for an unknown user or key', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/users/${someId}`,
      headers: admin.headers,
      payload: { displayName: 'Y' },
    });
    expect(patch.statusCode).toBe(404);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${someId}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(404);
  });
});

describe('managing users', () => {
  it('creates a user who can then sign in; a taken e-mail (any case) gives email_taken', async () => {
    const payload = {
      email: 'New.Agent@example.test',
      displayName: 'New Agent',
      roles: ['agent', 'agent'],
      password: PASSWORD,
    };
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'new.agent@example.test',
      roles: ['agent'],
      enabled: true,
      availability: 'OFFLINE',
    });
    expect(res.body).not.toContain('password');
    await expect(signIn(app, 'new.agent@example.test')).resolves.toBeDefined();
    const again = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { ...payload, email: 'NEW.AGENT@example.test' },
    });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('email_taken');
    const list = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } });
    expect((list.json() as { items: { email: string }[] }).items.map((u) => u.email)).toContain(
      'new.agent@example.test',
    );
  });

  it('changes name and roles; the new roles apply to the live session at once', async () => {
    const s = await signedInUser(app, db, ['agent']);
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(403);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${s.user.id}`,
      headers: admin.headers,
      payload: { displayName: 'Renamed', roles: ['admin', 'agent'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Renamed', roles: ['admin', 'agent'] });
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
  });

  it('disabling a user ends their sessions, makes them OFFLINE and hides them from the team', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${s.user.id}`,
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, availability: 'OFFLINE' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    const { rows } = await db.pool.query(
      'select count(*)::int as n from sessions where user_id = $1 and revoked_at is null',
      [s.user.id],
    );
    expect(rows[0].n).toBe(0);
    const team = await app.inject({ method: 'GET', url: '/api/team', headers: { cookie: agent.cookie } });
    expect((team.json() as { items: { id: string }[] }).items.map((m) => m.id)).not.toContain(s.user.id);
  });

  it('resetting a password ends the sessions; only the new password works', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const newPassword = 'a brand new password';
    const res = await app.inject({
      method: 'POST',
      url: `/api/users/${s.user.id}/password`,
      headers: admin.headers,
      payload: { password: newPassword },
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    await expect(signIn(app, s.user.email)).rejects.toThrow(/401/);
    await expect(signIn(app, s.user.email, newPassword)).resolves.toBeDefined();
  });
});

describe('last admin protection', () => {
  it('refuses to demote or disable the last enabled admin, and allows it once another admin exists', async () => {
    const { app: app2, db: db2 } = await buildTestApp();
    try {
      const only = await signedInUser(app2, db2, ['admin', 'agent']);
      const patch = (id: string, payload: object, who: TestSession) =>
        app2.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: who.headers, payload });
      const demote = await patch(only.user.id, { roles: ['agent'] }, only);
      expect(demote.statusCode).toBe(409);
      expect(errorCode(demote)).toBe('last_admin');
      expect(errorCode(await patch(only.user.id, { enabled: false }, only))).toBe('last_admin');
      expect((await patch(only.user.id, { displayName: 'Still admin' }, only)).statusCode).toBe(200);

      const second = await insertTestUser(db2, ['admin']);
      expect((await patch(only.user.id, { roles: ['agent'] }, only)).statusCode).toBe(200);
      const secondSession = await signIn(app2, second.email);
      expect(errorCode(await patch(second.id, { enabled: false }, secondSession))).toBe('last_admin');
    } finally {
      await app2.close();
    }
  });
});

import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { createAuthenticator, SESSION_COOKIE } from './authenticate.ts';
import { hashPassword } from './passwords.ts';
import { insertTestUser, PASSWORD, signedInUser, signIn, type TestSession } from './test-helpers.ts';

// Pass-through spy: the first-admin test checks that a refused setup never pays for a hash.
vi.mock('./passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./passwords.ts')>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

let app: App;
let db: Db;
let ctx: AppContext;

beforeAll(async () => {
  ({ app, db, ctx } = await buildTestApp({ LOGIN_RATE_LIMIT: '3' }));
});
afterAll(async () => {
  await app.close();
});

const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('first admin setup', () => {
  it('creates exactly one first admin, even when two requests race, then refuses', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needsFirstAdmin: true,
    });
    const attempt = (n: number) =>
      app.inject({
        method: 'POST',
        url: '/api/setup/first-admin',
        payload: { email: `First${n}@Example.test`, displayName: `First ${n}`, password: PASSWORD },
      });
    const results = await Promise.all([attempt(1), attempt(2)]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409]);
    const created = results.find((r) => r.statusCode === 201);
    const refused = results.find((r) => r.statusCode === 409);
    expect(refused && errorCode(refused)).toBe('setup_already_done');
    const body = created?.json() as { user: { email: string; roles: string[]; availability: string } };
    expect(body.user.email).toMatch(/^first\d@example\.test$/);
    expect(body.user.roles.sort()).toEqual(['admin', 'agent', 'supervisor']);
    expect(body.user.availability).toBe('ACTIVE');
    expect(created?.cookies.find((c) => c.name === SESSION_COOKIE)?.httpOnly).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needsFirstAdmin: false,
    });
    expect((await attempt(3)).statusCode).toBe(409);
  });

  it('refuses once set up without hashing the password (no argon2 work for anonymous callers)', async () => {
    vi.mocked(hashPassword).mockClear();
    const res = await app.inject({
      method: 'POST',
      url: '/api/setup/first-admin',
      payload: { email: 'late@example.test', displayName: 'Late', password: PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(hashPassword).not.toHaveBeenCalled();
  });
});

describe('sign-in', () => {
  it('signs in with the right password, case-insensitively on the e-mail, and sets a Lax httpOnly cookie', async () => {
    const user = await insertTestUser(db, ['agent'], { email: 'mixed.case@example.test' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Mixed.Case@Example.TEST', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ user: { id: user.id, availability: 'ACTIVE' } });
    const [row] = (await db.pool.query('select token_hash from sessions where user_id = $1', [user.id])).rows;
    expect(row.token_hash).not.toBe(cookie?.value);
  });

  it('answers the same invalid_credentials for a wrong password and an unknown e-mail', async () => {
    const user = await insertTestUser(db, ['agent']);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.test', password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorCode(wrong)).toBe('invalid_credentials');
  });

  it('refuses a disabled user with user_disabled', async () => {
    const user = await insertTestUser(db, ['agent']);
    await db.pool.query('update users set enabled = false where id = $1', [user.id]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('user_disabled');
  });

  it('rate-limits failures per IP and e-mail, even for the right password, without touching other e-mails', async () => {
    const user = await insertTestUser(db, ['agent']);
    const other = await insertTestUser(db, ['agent']);
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'wrong password' },
      });
      expect(res.statusCode).toBe(401);
    }
    const limited = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('rate_limited');
    await expect(signIn(app, other.email)).resolves.toBeDefined();
  });

  it('rejects a malformed body with validation_failed', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
  });
});

describe('sessions', () => {
  let session: TestSession;
  beforeAll(async () => {
    session = await signedInUser(app, db, ['agent']);
  });

  it('returns the session with its CSRF token, and 401 without a cookie', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: session.user.id }, csrfToken: session.csrfToken });
    expect((await app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const forged = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `${SESSION_COOKIE}=forged` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('slides the expiry of a session that has not been seen for a while', async () => {
    const s = await signedInUser(app, db, ['agent']);
    await db.pool.query(
      `update sessions set last_seen_at = now() - interval '10 minutes', expires_at = now() + interval '1 minute'
       where user_id = $1`,
      [s.user.id],
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/team', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
    const { rows } = await db.pool.query(
      `select expires_at > now() + interval '1 hour' as extended from sessions where user_id = $1`,
      [s.user.id],
    );
    expect(rows[0].extended).toBe(true);
  });

  it('refuses an expired session', async () => {
    const s = await signedInUser(app, db, ['agent']);
    await db.pool.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [
      s.user.id,
    ]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('logs out: the cookie is cleared, reusing it gives 401, and the user is OFFLINE', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    const { rows } = await db.pool.query('select availability from users where id = $1', [s.user.id]);
    expect(rows[0].availability).toBe('OFFLINE');
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const put = (headers: Record<string, string>) =>
      app.inject({ method: 'PUT', url: '/api/me/availability', headers, payload: { availability: 'AWAY' } });
    const missing = await put({ cookie: session.cookie });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe('csrf_token_invalid');
    const wrong = await put({ cookie: session.cookie, 'x-csrf-token': 'wrong' });
    expect(errorCode(wrong)).toBe('csrf_token_invalid');
    expect((await put(session.headers)).statusCode).toBe(200);
  });
});

describe('API keys', () => {
  let admin: TestSession;
  beforeAll(async () => {
    admin = await signedInUser(app, db, ['admin']);
  });

  const createKey = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: admin.headers,
      payload: { name: 'CRM' },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { apiKey: { id: string; prefix: string }; key: string };
  };
  const authenticate = (authorization: string) =>
    createAuthenticator(ctx)({ headers: { authorization }, server: app } as unknown as FastifyRequest);

  it('authenticates `App <key>` and `Basic base64(user:key)`, and records the last use', async () => {
    const { apiKey, key } = await createKey();
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(await authenticate(`App ${key}`)).toEqual({ kind: 'api-key', apiKeyId: apiKey.id });
    const basic = Buffer.from(`integration:${key}`).toString('base64');
    expect(await authenticate(`Basic ${basic}`)).toEqual({ kind: 'api-key', apiKeyId: apiKey.id });
    expect(await authenticate(`App ${key}x`)).toBeNull();
    expect(await authenticate(`Bearer ${key}`)).toBeNull();
    const { rows } = await db.pool.query('select last_used_at, key_hash from api_keys where id = $1', [
      apiKey.id,
    ]);
    expect(rows[0].last_used_at).not.toBeNull();
    expect(rows[0].key_hash).not.toContain(key);
  });

  it('refuses an API key on a session route with 403, and a revoked key with 401', async () => {
    const { apiKey, key } = await createKey();
    const onSessionRoute = await app.inject({
      method: 'GET',
      url: '/api/team',
      headers: { authorization: `App ${key}` },
    });
    expect(onSessionRoute.statusCode).toBe(403);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${apiKey.id}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect(await authenticate(`App ${key}`)).toBeNull();
    const revoked = await app.inject({
      method: 'GET',
      url: '/api/team',
      headers: { authorization: `App ${key}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('lists keys without the key itself', async () => {
    const { apiKey, key } = await createKey();
    const res = await app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(key);
    expect((res.json() as { items: { id: string }[] }).items.map((k) => k.id)).toContain(apiKey.id);
  });
});

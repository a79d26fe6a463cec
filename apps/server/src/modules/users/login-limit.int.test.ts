import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { PER_EMAIL_LIMIT_FACTOR } from './login-limit.service.ts';
import { insertTestUser, PASSWORD } from './test-helpers.ts';

let app: App;
let db: Db;
let ctx: AppContext;

beforeAll(async () => {
  ({ app, db, ctx } = await buildTestApp({ LOGIN_RATE_LIMIT: '3' }));
});
afterAll(async () => {
  await app.close();
});

describe('sign-in rate limit', () => {
  const login = (email: string, password: string, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, ...extra });

  it('ignores a client-written X-Forwarded-For when TRUST_PROXY is off', async () => {
    expect(ctx.config.TRUST_PROXY).toBe(false);
    const user = await insertTestUser(db, ['agent']);
    const forged = (n: number) => ({ headers: { 'x-forwarded-for': `203.0.113.${n}` } });
    for (let i = 0; i < 3; i++)
      expect((await login(user.email, 'wrong password', forged(i))).statusCode).toBe(401);
    const limited = await login(user.email, PASSWORD, forged(99));
    expect(limited.statusCode).toBe(429);
  });

  it('lets at most LOGIN_RATE_LIMIT of many parallel wrong attempts reach the password check', async () => {
    const user = await insertTestUser(db, ['agent']);
    const results = await Promise.all(Array.from({ length: 12 }, () => login(user.email, 'wrong password')));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('caps attempts per e-mail across addresses, so rotating IPs does not help', async () => {
    const user = await insertTestUser(db, ['agent']);
    const cap = 3 * PER_EMAIL_LIMIT_FACTOR;
    const from = (n: number) => ({ remoteAddress: `198.51.100.${n}` });
    // A success takes back its own attempt, so signing in does not use up the cap.
    expect((await login(user.email, PASSWORD, from(200))).statusCode).toBe(200);
    for (let i = 0; i < cap; i++)
      expect((await login(user.email, 'wrong password', from(i))).statusCode).toBe(401);
    expect((await login(user.email, PASSWORD, from(201))).statusCode).toBe(429);
  });

  it('clears the count of an address after a successful sign-in', async () => {
    const user = await insertTestUser(db, ['agent']);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await login(user.email, 'wrong password')).statusCode).toBe(401);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
    }
  });
});

describe('behind a trusted proxy', () => {
  it('counts attempts per forwarded client address when TRUST_PROXY names the proxy', async () => {
    const proxied = await buildTestApp({ LOGIN_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' }, db);
    try {
      const user = await insertTestUser(db, ['agent']);
      const login = (client: string, password: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': client },
          payload: { email: user.email, password },
        });
      for (let i = 0; i < 3; i++) expect((await login('203.0.113.7', 'wrong password')).statusCode).toBe(401);
      expect((await login('203.0.113.7', PASSWORD)).statusCode).toBe(429);
      expect((await login('203.0.113.8', PASSWORD)).statusCode).toBe(200);
      const { rows } = await db.pool.query('select ip from sessions where user_id = $1', [user.id]);
      expect(rows).toEqual([{ ip: '203.0.113.8' }]);
    } finally {
      await proxied.app.close();
    }
  });
});

import type { Role, User } from '@parley/contracts';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { createUserRecord } from './users.service.ts';

/** A password that satisfies the contract's length rule. */
export const PASSWORD = 'correct horse battery';

/** A signed-in browser: send `headers` with every request (cookie + CSRF token). */
export interface TestSession {
  user: User;
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Inserts a user straight into the database (no events), with PASSWORD unless told otherwise. */
export async function insertTestUser(
  db: Db,
  roles: Role[],
  overrides: { email?: string; displayName?: string; password?: string } = {},
) {
  const email = overrides.email ?? `${roles.join('-')}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  return createUserRecord(db.orm, {
    email,
    displayName: overrides.displayName ?? email.split('@')[0] ?? email,
    roles,
    password: overrides.password ?? PASSWORD,
  });
}

/** Signs in through the API and returns what a browser would keep. Throws on a non-200 answer. */
export async function signIn(app: App, email: string, password = PASSWORD): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!token) throw new Error('sign-in set no session cookie');
  const body = res.json() as { user: User; csrfToken: string };
  const cookie = `${SESSION_COOKIE}=${token}`;
  return {
    user: body.user,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/** Creates a user with these roles and signs them in. */
export async function signedInUser(app: App, db: Db, roles: Role[]): Promise<TestSession> {
  const user = await insertTestUser(db, roles);
  return signIn(app, user.email);
}

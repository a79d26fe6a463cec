import type { FirstAdminRequest, LoginRequest } from '@parley/contracts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { TxScope } from '../../platform/events/types.ts';
import { emitAccessChanged } from './access-changed.ts';
import { setAvailability } from './availability.service.ts';
import { takeLoginAttempt } from './login-limit.service.ts';
import { scheduleOfflineCheck } from './offline-grace.service.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { insertSession, revokeSession } from './sessions.repo.ts';
import { randomToken, sha256 } from './tokens.ts';
import { markConnectivity } from './user-connectivity.repo.ts';
import { ALL_ROLES } from './users.policy.ts';
import { findUserByEmail, hasAnyUser, lockFirstAdminSetup, type UserRow } from './users.repo.ts';
import { createUserRecord } from './users.service.ts';

type AuthDeps = Pick<AppContext, 'config' | 'db' | 'events' | 'jobs' | 'logger'>;

/** Where a sign-in came from; stored on the session for the admin's audit. */
export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

/** A session just started: `token` goes into the cookie and is never stored. */
export interface StartedSession {
  user: UserRow;
  token: string;
  csrfToken: string;
}

/** Opens a session for the user inside the caller's transaction and makes them ACTIVE (D1). */
export async function startSession(
  scope: TxScope,
  userId: string,
  ttlHours: number,
  meta: ClientMeta,
): Promise<StartedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  await insertSession(scope.tx, {
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  const user = await setAvailability(scope, userId, 'ACTIVE', 'login');
  // The grace period counts from here for a user who never opens the app.
  await markConnectivity(scope.tx, userId, 'lastSignedInAt');
  return { user, token, csrfToken };
}

/** A user who signs in but never opens the app still goes OFFLINE after the grace period. */
async function afterSignIn(deps: AuthDeps, userId: string): Promise<void> {
  try {
    await scheduleOfflineCheck(deps, userId);
  } catch (err) {
    // The session is committed; a missed check only leaves the user ACTIVE until they disconnect.
    deps.logger.error({ err, userId }, 'could not schedule the offline check after sign-in');
  }
}

/**
 * Signs in with e-mail and password. Unknown e-mail and wrong password give the same
 * `invalid_credentials` after the same work; too many attempts per (IP, e-mail), or per e-mail
 * across addresses, give `rate_limited` before any password is checked.
 */
export async function login(deps: AuthDeps, input: LoginRequest, meta: ClientMeta): Promise<StartedSession> {
  const { config, db } = deps;
  const attempt = await takeLoginAttempt(db.orm, config.LOGIN_RATE_LIMIT, input.email, meta.ip);
  const user = await findUserByEmail(db.orm, input.email);
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await attempt.failed();
    throw new AppError('invalid_credentials', 401, 'Wrong e-mail or password');
  }
  if (!user.enabled) throw new AppError('user_disabled', 403, 'This account is disabled; ask an admin');
  await attempt.succeeded();
  const started = await deps.events.transact((scope) =>
    startSession(scope, user.id, config.SESSION_TTL_HOURS, meta),
  );
  await afterSignIn(deps, user.id);
  return started;
}

/** Ends this session; the user becomes OFFLINE (D1: logging out makes the user Offline). */
export async function logout(
  deps: Pick<AppContext, 'events'>,
  userId: string,
  sessionId: string,
): Promise<void> {
  await deps.events.transact(async (scope) => {
    await revokeSession(scope.tx, sessionId);
    await setAvailability(scope, userId, 'OFFLINE', 'logout');
    emitAccessChanged(scope, { userId, sessionId, reason: 'logout' });
  });
}

const setupAlreadyDone = () =>
  new AppError('setup_already_done', 409, 'This installation already has users; sign in instead');

/**
 * Creates the installation's first user with every role and signs them in. Serialised by an
 * advisory lock so two concurrent requests cannot both create one; afterwards `setup_already_done`,
 * answered before hashing so this public route cannot be used to burn CPU on argon2.
 */
export async function createFirstAdmin(
  deps: AuthDeps,
  input: FirstAdminRequest,
  meta: ClientMeta,
): Promise<StartedSession> {
  if (await hasAnyUser(deps.db.orm)) throw setupAlreadyDone();
  const passwordHash = await hashPassword(input.password);
  const started = await deps.events.transact(async (scope) => {
    await lockFirstAdminSetup(scope.tx);
    if (await hasAnyUser(scope.tx)) throw setupAlreadyDone();
    const user = await createUserRecord(scope.tx, { ...input, roles: ALL_ROLES }, passwordHash);
    return startSession(scope, user.id, deps.config.SESSION_TTL_HOURS, meta);
  });
  await afterSignIn(deps, started.user.id);
  return started;
}

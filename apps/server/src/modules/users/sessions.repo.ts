import type { Role } from '@parley/contracts';
import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { loginFailures, sessions, users } from './users.schema.ts';

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(orm: Orm, input: NewSession): Promise<string> {
  const id = crypto.randomUUID();
  await orm.insert(sessions).values({ id, ...input });
  return id;
}

export interface LiveSession {
  sessionId: string;
  userId: string;
  roles: Role[];
  csrfToken: string;
  lastSeenAt: Date;
}

/** The session for this token hash if it is neither revoked nor expired and its user is enabled. */
export async function findLiveSession(
  orm: Orm,
  tokenHash: string,
  now: Date,
): Promise<LiveSession | undefined> {
  const [row] = await orm
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      roles: users.roles,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.enabled, true),
      ),
    );
  return row;
}

/** Slides the expiry forward; skipped by the caller when the session was seen moments ago. */
export async function touchSession(orm: Orm, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await orm
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeSession(orm: Orm, sessionId: string): Promise<void> {
  await orm
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(orm: Orm, userId: string): Promise<void> {
  await orm
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function countLoginFailures(orm: Orm, keyHash: string, since: Date): Promise<number> {
  const [row] = await orm
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.keyHash, keyHash), gt(loginFailures.failedAt, since)));
  return row?.n ?? 0;
}

/** Records a failure and drops every failure older than the window, so the table stays small. */
export async function recordLoginFailure(orm: Orm, keyHash: string, windowStart: Date): Promise<void> {
  await orm.transaction(async (tx) => {
    await tx.delete(loginFailures).where(lt(loginFailures.failedAt, windowStart));
    await tx.insert(loginFailures).values({ id: crypto.randomUUID(), keyHash });
  });
}

export async function clearLoginFailures(orm: Orm, keyHash: string): Promise<void> {
  await orm.delete(loginFailures).where(eq(loginFailures.keyHash, keyHash));
}

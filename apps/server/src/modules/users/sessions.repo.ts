import type { Role } from '@parley/contracts';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { sessions, users } from './users.schema.ts';

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

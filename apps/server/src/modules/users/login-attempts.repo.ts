import { and, eq, lt, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { loginAttempts } from './users.schema.ts';

/**
 * Counts one attempt on each key in the window and returns each key's count including it. One
 * upsert: the row lock serialises parallel attempts, so each sees a distinct, increasing count.
 */
export async function countLoginAttempt(
  orm: Orm,
  keyHashes: readonly string[],
  windowStart: Date,
): Promise<Map<string, number>> {
  const rows = await orm
    .insert(loginAttempts)
    .values(keyHashes.map((keyHash) => ({ keyHash, windowStart, attempts: 1 })))
    .onConflictDoUpdate({
      target: [loginAttempts.keyHash, loginAttempts.windowStart],
      set: { attempts: sql`${loginAttempts.attempts} + 1` },
    })
    .returning({ keyHash: loginAttempts.keyHash, attempts: loginAttempts.attempts });
  return new Map(rows.map((r) => [r.keyHash, r.attempts]));
}

/** Clears a key's attempts in every window. */
export async function clearLoginAttempts(orm: Orm, keyHash: string): Promise<void> {
  await orm.delete(loginAttempts).where(eq(loginAttempts.keyHash, keyHash));
}

/** Takes one attempt back from a key's count in the window. */
export async function withdrawLoginAttempt(orm: Orm, keyHash: string, windowStart: Date): Promise<void> {
  await orm
    .update(loginAttempts)
    .set({ attempts: sql`greatest(${loginAttempts.attempts} - 1, 0)` })
    .where(and(eq(loginAttempts.keyHash, keyHash), eq(loginAttempts.windowStart, windowStart)));
}

/** Deletes the counts of windows that started before `before`. */
export async function pruneLoginAttempts(orm: Orm, before: Date): Promise<void> {
  await orm.delete(loginAttempts).where(lt(loginAttempts.windowStart, before));
}

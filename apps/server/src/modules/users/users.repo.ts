import type { Availability, Role } from '@parley/contracts';
import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { availabilityLog, users } from './users.schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserById(orm: Orm, id: string): Promise<UserRow | undefined> {
  const [row] = await orm.select().from(users).where(eq(users.id, id));
  return row;
}

/** Locks the row until the transaction ends, so concurrent changes to one user serialise. */
export async function findUserByIdForUpdate(tx: Orm, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function findUserByEmail(orm: Orm, email: string): Promise<UserRow | undefined> {
  const [row] = await orm.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

/** Whether the installation has any user yet (setup and the demo seed run only while it has none). */
export async function hasAnyUser(orm: Orm): Promise<boolean> {
  const rows = await orm.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/** Serialises first-admin creation until the transaction ends. */
export async function lockFirstAdminSetup(tx: Orm): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('parley.users.first-admin'))`);
}

export function listUsers(orm: Orm): Promise<UserRow[]> {
  return orm.select().from(users).orderBy(asc(users.displayName), asc(users.id));
}

export function listEnabledUsers(orm: Orm): Promise<UserRow[]> {
  return orm
    .select()
    .from(users)
    .where(eq(users.enabled, true))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Ids of the enabled admins, locked: two admins demoting each other at once cannot both succeed. */
export async function lockEnabledAdminIds(tx: Orm): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enabled, true), arrayContains(users.roles, ['admin'])))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

export interface NewUser {
  email: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
}

export async function insertUser(orm: Orm, input: NewUser): Promise<UserRow> {
  const [row] = await orm
    .insert(users)
    .values({ id: crypto.randomUUID(), ...input, email: input.email.toLowerCase() })
    .returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export type UserPatch = Partial<Pick<UserRow, 'displayName' | 'roles' | 'enabled' | 'passwordHash'>>;

export async function updateUserRow(orm: Orm, id: string, patch: UserPatch): Promise<UserRow | undefined> {
  const [row] = await orm
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Writes the new availability and its log line. */
export async function writeAvailability(
  tx: Orm,
  userId: string,
  availability: Availability,
  changedAt: Date,
  reason: string,
): Promise<UserRow | undefined> {
  const [row] = await tx
    .update(users)
    .set({ availability, availabilityChangedAt: changedAt })
    .where(eq(users.id, userId))
    .returning();
  await tx
    .insert(availabilityLog)
    .values({ id: crypto.randomUUID(), userId, availability, changedAt, reason });
  return row;
}

/** True when a database error is a unique-constraint violation (drizzle wraps the pg error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

import { eq, ne, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { userConnectivity, users } from './users.schema.ts';

type Mark = 'lastConnectedAt' | 'lastDisconnectedAt' | 'lastSignedInAt';

/** Sets one of the user's "last known around" times to the database's now(). */
export async function markConnectivity(orm: Orm, userId: string, mark: Mark): Promise<void> {
  await orm
    .insert(userConnectivity)
    .values({ userId, [mark]: sql`now()` })
    .onConflictDoUpdate({ target: userConnectivity.userId, set: { [mark]: sql`now()` } });
}

/** The sweep found these users connected: their grace period restarts from now. */
export async function markSeenConnected(orm: Orm, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await orm
    .insert(userConnectivity)
    .values(userIds.map((userId) => ({ userId, lastConnectedAt: sql`now()` })))
    .onConflictDoUpdate({ target: userConnectivity.userId, set: { lastConnectedAt: sql`now()` } });
}

/**
 * Seconds until the user's grace period ends (zero or less: it is over), counted from the last
 * moment they were known to be around: a socket open or close, a sign-in, an availability change.
 * Undefined when the user does not exist.
 */
export async function secondsLeftInGrace(
  orm: Orm,
  userId: string,
  graceSeconds: number,
): Promise<number | undefined> {
  const [row] = await orm
    .select({
      left: sql<string>`extract(epoch from greatest(${userConnectivity.lastConnectedAt}, ${userConnectivity.lastDisconnectedAt}, ${userConnectivity.lastSignedInAt}, ${users.availabilityChangedAt}) + make_interval(secs => ${graceSeconds}) - now())`,
    })
    .from(users)
    .leftJoin(userConnectivity, eq(userConnectivity.userId, users.id))
    .where(eq(users.id, userId));
  return row ? Number(row.left) : undefined;
}

/** Users whose availability is anything but OFFLINE: the ones the offline sweep looks at. */
export async function listUserIdsNotOffline(orm: Orm): Promise<string[]> {
  const rows = await orm.select({ id: users.id }).from(users).where(ne(users.availability, 'OFFLINE'));
  return rows.map((r) => r.id);
}

/** Takes the sweep's lock until the transaction ends, or answers false when another process holds it. */
export async function tryLockOfflineSweep(tx: Orm): Promise<boolean> {
  const { rows } = await tx.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext('parley.users.offline-sweep')) as locked`,
  );
  return rows[0]?.locked === true;
}

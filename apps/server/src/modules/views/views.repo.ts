import type { ViewFilters, ViewScope } from '@parley/contracts';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { users } from '../users/users.schema.ts';
import { savedViews } from './views.schema.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;
export type SavedViewWithCreator = SavedViewRow & { creatorName: string };

/** The views a user sees: every global one and their own private ones. */
const visibleToUser = (userId: string) =>
  or(eq(savedViews.scope, 'global'), eq(savedViews.createdByUserId, userId));

const withCreator = { view: savedViews, creatorName: users.displayName };

/** The views the user sees, global first, then by name. */
export async function listVisibleViews(orm: Orm, userId: string): Promise<SavedViewWithCreator[]> {
  const rows = await orm
    .select(withCreator)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.createdByUserId))
    .where(visibleToUser(userId))
    .orderBy(
      sql`${savedViews.scope} = 'global' desc`,
      asc(sql`lower(${savedViews.name})`),
      asc(savedViews.id),
    );
  return rows.map((r) => ({ ...r.view, creatorName: r.creatorName }));
}

/** One view the user sees; undefined when it does not exist or is someone else's private view. */
export async function findVisibleView(
  orm: Orm,
  id: string,
  userId: string,
): Promise<SavedViewWithCreator | undefined> {
  const [row] = await orm
    .select(withCreator)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.createdByUserId))
    .where(and(eq(savedViews.id, id), visibleToUser(userId)));
  return row && { ...row.view, creatorName: row.creatorName };
}

/**
 * Serialises the private-view changes of one user until the transaction ends, so two concurrent
 * creations cannot both pass the per-user limit.
 */
export async function lockPrivateViewsOf(tx: Orm, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`saved_views:${userId}`}, 0))`);
}

export async function countPrivateViews(tx: Orm, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(savedViews)
    .where(and(eq(savedViews.createdByUserId, userId), eq(savedViews.scope, 'private')));
  return row?.n ?? 0;
}

export async function insertView(
  tx: Orm,
  values: { name: string; scope: ViewScope; createdByUserId: string; filters: ViewFilters },
): Promise<SavedViewRow> {
  const [row] = await tx
    .insert(savedViews)
    .values({ id: crypto.randomUUID(), ...values })
    .returning();
  if (!row) throw new Error('insert into saved_views returned no row');
  return row;
}

export async function findViewForUpdate(tx: Orm, id: string): Promise<SavedViewRow | undefined> {
  const [row] = await tx.select().from(savedViews).where(eq(savedViews.id, id)).for('update');
  return row;
}

export async function updateViewRow(
  tx: Orm,
  id: string,
  patch: Partial<Pick<SavedViewRow, 'name' | 'filters'>>,
): Promise<void> {
  await tx
    .update(savedViews)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(savedViews.id, id));
}

export async function deleteViewRow(tx: Orm, id: string): Promise<void> {
  await tx.delete(savedViews).where(eq(savedViews.id, id));
}

import { and, arrayContains, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { users } from '../users/users.schema.ts';
import { queueMembers, queues } from './queues.schema.ts';

export type QueueRow = typeof queues.$inferSelect;

const DEFAULT_QUEUE_NAME = 'Default';

/** A live (not deleted) queue. */
export async function findQueueById(orm: Orm, id: string): Promise<QueueRow | undefined> {
  const [row] = await orm
    .select()
    .from(queues)
    .where(and(eq(queues.id, id), isNull(queues.deletedAt)));
  return row;
}

export async function findQueueForUpdate(tx: Orm, id: string): Promise<QueueRow | undefined> {
  const [row] = await tx
    .select()
    .from(queues)
    .where(and(eq(queues.id, id), isNull(queues.deletedAt)))
    .for('update');
  return row;
}

export async function findDefaultQueue(orm: Orm): Promise<QueueRow | undefined> {
  const [row] = await orm.select().from(queues).where(eq(queues.isDefault, true));
  return row;
}

/** Creates the Default queue unless it exists; concurrent callers all get the one row. */
export async function insertDefaultQueueIfMissing(orm: Orm): Promise<void> {
  await orm
    .insert(queues)
    .values({ id: crypto.randomUUID(), name: DEFAULT_QUEUE_NAME, isDefault: true })
    .onConflictDoNothing();
}

export function listQueues(orm: Orm): Promise<QueueRow[]> {
  return orm
    .select()
    .from(queues)
    .where(isNull(queues.deletedAt))
    .orderBy(sql`${queues.isDefault} desc`, asc(sql`lower(${queues.name})`), asc(queues.id));
}

export async function insertQueue(tx: Orm, name: string): Promise<QueueRow> {
  const [row] = await tx.insert(queues).values({ id: crypto.randomUUID(), name }).returning();
  if (!row) throw new Error('insert into queues returned no row');
  return row;
}

export async function updateQueueRow(
  tx: Orm,
  id: string,
  patch: Partial<Pick<QueueRow, 'name' | 'deletedAt'>>,
): Promise<QueueRow> {
  const [row] = await tx
    .update(queues)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(queues.id, id))
    .returning();
  if (!row) throw new Error(`queue ${id} vanished inside its transaction`);
  return row;
}

export async function listQueueMemberIds(orm: Orm, queueId: string): Promise<string[]> {
  const rows = await orm
    .select({ userId: queueMembers.userId })
    .from(queueMembers)
    .where(eq(queueMembers.queueId, queueId))
    .orderBy(asc(queueMembers.userId));
  return rows.map((r) => r.userId);
}

/** Replaces the member list of a queue. */
export async function replaceQueueMembers(
  tx: Orm,
  queueId: string,
  userIds: readonly string[],
): Promise<void> {
  await tx.delete(queueMembers).where(eq(queueMembers.queueId, queueId));
  if (userIds.length > 0) {
    await tx.insert(queueMembers).values(userIds.map((userId) => ({ queueId, userId })));
  }
}

/** Of these user ids, those of enabled users with the agent role (only agents are queue members). */
export async function filterAgentIds(orm: Orm, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await orm
    .select({ id: users.id })
    .from(users)
    .where(
      and(inArray(users.id, [...userIds]), eq(users.enabled, true), arrayContains(users.roles, ['agent'])),
    );
  return rows.map((r) => r.id);
}

/** Writes a queue's D4 settings. */
export async function updateQueueSettingsRow(
  tx: Orm,
  id: string,
  patch: Partial<
    Pick<
      QueueRow,
      | 'autoAssign'
      | 'algorithm'
      | 'stickyAgentDays'
      | 'onAgentUnavailable'
      | 'workingHours'
      | 'awayReply'
      | 'openToAllAgents'
    >
  >,
): Promise<QueueRow> {
  const [row] = await tx
    .update(queues)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(queues.id, id))
    .returning();
  if (!row) throw new Error(`queue ${id} vanished inside its transaction`);
  return row;
}

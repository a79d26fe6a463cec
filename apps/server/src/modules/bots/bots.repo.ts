import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { botSessions, bots } from './bots.schema.ts';

export type BotRow = typeof bots.$inferSelect;
export type BotValues = Omit<
  typeof bots.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'signingSecret'
>;

/** A live (not deleted) bot. */
export async function findBotById(orm: Orm, id: string): Promise<BotRow | undefined> {
  const [row] = await orm
    .select()
    .from(bots)
    .where(and(eq(bots.id, id), isNull(bots.deletedAt)));
  return row;
}

export async function findBotForUpdate(tx: Orm, id: string): Promise<BotRow | undefined> {
  const [row] = await tx
    .select()
    .from(bots)
    .where(and(eq(bots.id, id), isNull(bots.deletedAt)))
    .for('update');
  return row;
}

export function listBots(orm: Orm): Promise<BotRow[]> {
  return orm
    .select()
    .from(bots)
    .where(isNull(bots.deletedAt))
    .orderBy(asc(sql`lower(${bots.name})`), asc(bots.id));
}

/** Conversations each bot holds now. */
export async function countSessions(orm: Orm, botIds: readonly string[]): Promise<Map<string, number>> {
  if (botIds.length === 0) return new Map();
  const rows = await orm
    .select({ botId: botSessions.botId, n: count() })
    .from(botSessions)
    .where(inArray(botSessions.botId, [...botIds]))
    .groupBy(botSessions.botId);
  return new Map(rows.map((r) => [r.botId, Number(r.n)]));
}

export async function insertBot(tx: Orm, values: BotValues, signingSecret: string | null): Promise<BotRow> {
  const [row] = await tx
    .insert(bots)
    .values({ ...values, id: crypto.randomUUID(), signingSecret })
    .returning();
  if (!row) throw new Error('insert into bots returned no row');
  return row;
}

export async function updateBotRow(
  tx: Orm,
  id: string,
  patch: Partial<BotValues> & { deletedAt?: Date; signingSecret?: string | null },
): Promise<BotRow> {
  const [row] = await tx
    .update(bots)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(bots.id, id))
    .returning();
  if (!row) throw new Error(`bot ${id} vanished inside its transaction`);
  return row;
}

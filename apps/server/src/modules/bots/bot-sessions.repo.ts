import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { botSessions } from './bots.schema.ts';

export type BotSessionRow = typeof botSessions.$inferSelect;

export async function findBotSession(orm: Orm, conversationId: string): Promise<BotSessionRow | undefined> {
  const [row] = await orm.select().from(botSessions).where(eq(botSessions.conversationId, conversationId));
  return row;
}

/** Gives the conversation to a bot (replacing another bot's session). */
export async function upsertBotSession(tx: Orm, conversationId: string, botId: string): Promise<void> {
  await tx
    .insert(botSessions)
    .values({ conversationId, botId })
    .onConflictDoUpdate({
      target: botSessions.conversationId,
      set: { botId, startedAt: sql`now()`, lastCustomerMessageAt: sql`now()` },
    });
}

/** Ends the bot's hold on the conversation; returns the bot that held it, if one did. */
export async function deleteBotSession(tx: Orm, conversationId: string): Promise<string | undefined> {
  const [row] = await tx
    .delete(botSessions)
    .where(eq(botSessions.conversationId, conversationId))
    .returning({ botId: botSessions.botId });
  return row?.botId;
}

/** Notes customer messages in bot conversations (the session timeout counts from the last); returns those sessions. */
export function touchBotSessions(tx: Orm, conversationIds: readonly string[]): Promise<BotSessionRow[]> {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return tx
    .update(botSessions)
    .set({ lastCustomerMessageAt: sql`now()` })
    .where(inArray(botSessions.conversationId, [...conversationIds]))
    .returning();
}

export async function listSessionConversationIds(orm: Orm, botId: string): Promise<string[]> {
  const rows = await orm
    .select({ id: botSessions.conversationId })
    .from(botSessions)
    .where(eq(botSessions.botId, botId));
  return rows.map((r) => r.id);
}

/** Bot-held conversations (a session ends when its conversation closes), newest first, bounded. */
export function listBotSessions(orm: Orm, botId?: string, limit = 500): Promise<BotSessionRow[]> {
  return orm
    .select()
    .from(botSessions)
    .where(botId ? eq(botSessions.botId, botId) : undefined)
    .orderBy(desc(botSessions.startedAt))
    .limit(limit);
}

import type { Bot } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { type BotRow, countSessions } from './bots.repo.ts';

/** The one shape of bots in /api outputs, with the conversations each holds. */
export async function presentBots(orm: Orm, rows: readonly BotRow[]): Promise<Bot[]> {
  const held = await countSessions(
    orm,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    channel: row.channel,
    destination: row.destination,
    webhookUrl: row.webhookUrl,
    sessionTimeoutSeconds: row.sessionTimeoutSeconds,
    keywordRules: row.keywordRules,
    handoverKeywords: row.handoverKeywords,
    fallbackReply: row.fallbackReply,
    activeConversations: held.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function presentBot(orm: Orm, row: BotRow): Promise<Bot> {
  const [bot] = await presentBots(orm, [row]);
  if (!bot) throw new Error('presentBots dropped a bot');
  return bot;
}

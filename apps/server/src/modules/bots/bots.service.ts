import { randomBytes } from 'node:crypto';
import type { SaveBotRequest } from '@parley/contracts';
import type { z } from 'zod';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { type BotRow, findBotForUpdate, insertBot, updateBotRow } from './bots.repo.ts';

export type BotInput = z.output<typeof SaveBotRequest>;

/** The fields stored for a bot; a kind's fields that do not apply are cleared. */
function valuesOf(input: BotInput) {
  const keyword = input.kind === 'KEYWORD';
  return {
    name: input.name,
    kind: input.kind,
    enabled: input.enabled,
    channel: input.channel,
    destination: input.destination,
    webhookUrl: keyword ? null : input.webhookUrl,
    sessionTimeoutSeconds: input.sessionTimeoutSeconds,
    keywordRules: keyword ? input.keywordRules : [],
    handoverKeywords: keyword ? input.handoverKeywords : [],
    fallbackReply: keyword ? input.fallbackReply : null,
  };
}

const newSecret = () => randomBytes(32).toString('base64url');

/** A supervisor (or integrator) adds a bot; a WEBHOOK bot gets its signing secret, shown once. */
export function createBot(
  events: Events,
  input: BotInput,
): Promise<{ bot: BotRow; signingSecret: string | null }> {
  return events.transact(async ({ tx, emit }) => {
    const signingSecret = input.kind === 'WEBHOOK' ? newSecret() : null;
    const bot = await insertBot(tx, valuesOf(input), signingSecret);
    emit('bot.created', { botId: bot.id, kind: bot.kind });
    return { bot, signingSecret };
  });
}

/** Replaces a bot's settings; a bot becoming a WEBHOOK bot gets a signing secret. */
export function updateBot(events: Events, botId: string, input: BotInput): Promise<BotRow> {
  return events.transact(async ({ tx, emit }) => {
    const current = await findBotForUpdate(tx, botId);
    if (!current) throw notFound('Bot');
    const secret = input.kind === 'WEBHOOK' && !current.signingSecret ? { signingSecret: newSecret() } : {};
    const bot = await updateBotRow(tx, botId, { ...valuesOf(input), ...secret });
    emit('bot.updated', { botId });
    return bot;
  });
}

/**
 * Deletes a bot (kept, marked deleted, for history). Routing rules naming it then route to people;
 * the conversations it holds are handed over by `bot.deleted`'s handler (re-routed).
 */
export function deleteBot(events: Events, botId: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    if (!(await findBotForUpdate(tx, botId))) throw notFound('Bot');
    await updateBotRow(tx, botId, { deletedAt: new Date(), enabled: false });
    emit('bot.deleted', { botId });
  });
}

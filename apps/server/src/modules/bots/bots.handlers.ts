import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import { findConversationForUpdate } from '../conversations/conversations.repo.ts';
import { setConversationStatus } from '../conversations/conversations.service.ts';
import { findMessageById } from '../messages/messages.repo.ts';
import { messages } from '../messages/messages.schema.ts';
import { sendAgentMessage } from '../messages/messages.service.ts';
import { routeConversation } from '../routing/routing.service.ts';
import { keywordAnswer, postToWebhook, stableUuid, webhookBody } from './bot-delivery.ts';
import { findBotSession, listSessionConversationIds, touchBotSessions } from './bot-sessions.repo.ts';
import { endBotSession } from './bot-sessions.service.ts';
import { type BotRow, findBotById } from './bots.repo.ts';

const AUTOMATION: Actor = { kind: 'automation' };
export const FORWARD_JOB = 'bot.forward_message';
export const TIMEOUT_JOB = 'bot.session_timeout';

interface ForwardJob {
  botId: string;
  conversationId: string;
  messageId: string;
}

async function latestInbound(ctx: AppContext, conversationId: string) {
  const [row] = await ctx.db.orm
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'INBOUND')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return row;
}

/** The built-in keyword bot answers one customer message: a reply through the normal outbound path, or the hand-over. */
async function answerWithKeywords(ctx: AppContext, bot: BotRow, conversationId: string, messageId: string) {
  const message = await findMessageById(ctx.db.orm, messageId);
  const text = typeof message?.content.text === 'string' ? message.content.text : '';
  const answer = keywordAnswer(bot, text);
  if (answer?.kind === 'handover') {
    await routeConversation(ctx.events, conversationId, 'reroute');
  } else if (answer?.kind === 'reply') {
    try {
      await sendAgentMessage(ctx.events, AUTOMATION, conversationId, {
        clientId: stableUuid(`bot-reply:${messageId}`),
        contentType: 'TEXT',
        content: { text: answer.text },
      });
    } catch (error) {
      // Nothing to send on, or a person took the conversation meanwhile: the bot stays silent.
      if (!(error instanceof AppError)) throw error;
      ctx.logger.info({ conversationId, code: error.code }, 'keyword bot reply not sent');
    }
  }
}

/** Gives one customer message to the bot holding the conversation and restarts its session timeout. */
async function deliver(ctx: AppContext, botId: string, conversationId: string, messageId: string) {
  const bot = await findBotById(ctx.db.orm, botId);
  if (!bot?.enabled) return;
  await ctx.jobs.send(
    TIMEOUT_JOB,
    { conversationId },
    { startAfterSeconds: bot.sessionTimeoutSeconds, singletonKey: `${conversationId}:${messageId}` },
  );
  if (bot.kind === 'KEYWORD') await answerWithKeywords(ctx, bot, conversationId, messageId);
  else await ctx.jobs.send(FORWARD_JOB, { botId, conversationId, messageId }, { singletonKey: messageId });
}

/** The webhook job: POSTs the message, signed, while the bot still holds the conversation; pg-boss retries failures. */
export async function forwardToWebhook(ctx: AppContext, job: ForwardJob): Promise<void> {
  const bot = await findBotById(ctx.db.orm, job.botId);
  const session = await findBotSession(ctx.db.orm, job.conversationId);
  const message = await findMessageById(ctx.db.orm, job.messageId);
  if (!bot?.enabled || !bot.webhookUrl || !bot.signingSecret || session?.botId !== bot.id || !message) return;
  const body = webhookBody(bot.id, job.conversationId, {
    id: message.id,
    channel: message.channel,
    from: message.fromAddress,
    to: message.toAddress,
    contentType: message.contentType,
    content: message.content,
    createdAt: message.createdAt.toISOString(),
  });
  await postToWebhook(bot.webhookUrl, bot.signingSecret, body);
}

/** The session timeout (the reference's sessionTimeoutInSec): a bot conversation the customer left is closed. */
export async function expireBotSession(
  ctx: AppContext,
  conversationId: string,
  now = Date.now(),
): Promise<boolean> {
  const session = await findBotSession(ctx.db.orm, conversationId);
  const bot = session && (await findBotById(ctx.db.orm, session.botId));
  if (!session || !bot) return false;
  if (session.lastCustomerMessageAt.getTime() + bot.sessionTimeoutSeconds * 1000 > now) return false;
  await setConversationStatus(ctx.events, AUTOMATION, conversationId, 'CLOSED');
  return true;
}

/** Ends the bot's session when a person takes the conversation or it closes (D3: one assignee). */
async function releaseBot(ctx: AppContext, conversationId: string, reason: 'TAKEN_OVER' | 'CLOSED') {
  // Most conversations never meet a bot: look before taking the row lock.
  if (!(await findBotSession(ctx.db.orm, conversationId))) return;
  await ctx.events.transact(async (scope) => {
    const conv = await findConversationForUpdate(scope.tx, conversationId);
    if (!conv) return;
    if (reason === 'TAKEN_OVER' && conv.assigneeUserId === null) return;
    await endBotSession(scope, conv, AUTOMATION, reason);
  });
}

/** Hands every conversation of a bot that stopped (disabled or deleted) back to routing. */
async function handOverAll(ctx: AppContext, botId: string) {
  for (const conversationId of await listSessionConversationIds(ctx.db.orm, botId)) {
    await routeConversation(ctx.events, conversationId, 'reroute');
  }
}

type Payload = Record<string, unknown>;

export function registerBotHandlers(ctx: AppContext): void {
  ctx.jobs.register<ForwardJob>(FORWARD_JOB, (job) => forwardToWebhook(ctx, job));
  ctx.jobs.register<{ conversationId: string }>(TIMEOUT_JOB, async (job) => {
    await expireBotSession(ctx, job.conversationId);
  });
  // One statement per dispatch: most messages are in conversations no bot holds.
  ctx.events.onBatch('message.received', async (events) => {
    const received = events.map((e) => e.payload as { conversationId: string; messageId: string });
    const sessions = await touchBotSessions(ctx.db.orm, [...new Set(received.map((p) => p.conversationId))]);
    const botOf = new Map(sessions.map((s) => [s.conversationId, s.botId]));
    for (const { conversationId, messageId } of received) {
      const botId = botOf.get(conversationId);
      if (botId) await deliver(ctx, botId, conversationId, messageId);
    }
  });
  // The conversation's first message came before routing gave it to the bot.
  ctx.events.on('conversation.bot_assigned', async (event) => {
    const p = event.payload as Payload;
    const message = await latestInbound(ctx, p.conversationId as string);
    const session = await findBotSession(ctx.db.orm, p.conversationId as string);
    if (message && session && session.botId === p.botId) {
      await deliver(ctx, session.botId, session.conversationId, message.id);
    }
  });
  ctx.events.on('conversation.assigned', (event) =>
    releaseBot(ctx, (event.payload as Payload).conversationId as string, 'TAKEN_OVER'),
  );
  ctx.events.on('conversation.status_changed', async (event) => {
    const p = event.payload as Payload;
    if (p.to === 'CLOSED') await releaseBot(ctx, p.conversationId as string, 'CLOSED');
  });
  ctx.events.on('bot.deleted', (event) => handOverAll(ctx, (event.payload as Payload).botId as string));
  ctx.events.on('bot.updated', async (event) => {
    const botId = (event.payload as Payload).botId as string;
    if (!(await findBotById(ctx.db.orm, botId))?.enabled) await handOverAll(ctx, botId);
  });
}

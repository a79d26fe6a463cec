import { z } from 'zod';
import { Channel } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';

/**
 * D4 bots. `WEBHOOK`: an external bot — customer messages are POSTed (signed) to its webhook URL and
 * it answers through `/ccaas/1`. `KEYWORD`: Parley's built-in auto-reply bot, configured here.
 */
export const BOT_KINDS = ['WEBHOOK', 'KEYWORD'] as const;
export const BotKind = z.enum(BOT_KINDS);
export type BotKind = z.infer<typeof BotKind>;

const Keyword = z.string().trim().min(1).max(100);
const ReplyText = z.string().trim().min(1).max(LIMITS.messageText);

/** A built-in bot rule: a customer message containing any keyword (whole word, any case) gets the reply. */
export const KeywordRule = z.object({ keywords: z.array(Keyword).min(1).max(20), reply: ReplyText });
export type KeywordRule = z.infer<typeof KeywordRule>;

export const Bot = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: BotKind,
  enabled: z.boolean(),
  /** The channel and our address the bot serves (reference fields); null = any. */
  channel: Channel.nullable(),
  destination: z.string().nullable(),
  /** WEBHOOK bots: where customer messages are forwarded. */
  webhookUrl: z.string().nullable(),
  /** A bot conversation with no customer message for this long is handed to people (re-routed). */
  sessionTimeoutSeconds: z.number().int(),
  /** KEYWORD bots: tried in order, the first matching rule replies. */
  keywordRules: z.array(KeywordRule),
  /** KEYWORD bots: a message with any of these hands the conversation over to people. */
  handoverKeywords: z.array(Keyword),
  /** KEYWORD bots: the reply when no rule matches; null = stay silent. */
  fallbackReply: z.string().nullable(),
  /** Non-CLOSED conversations the bot holds now (the "All Bots" view). */
  activeConversations: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bot = z.infer<typeof Bot>;

export const BotList = z.object({ items: z.array(Bot) });
export type BotList = z.infer<typeof BotList>;

/** Create/replace a bot; WEBHOOK bots need `webhookUrl`, KEYWORD bots need at least one rule or hand-over keyword. */
export const SaveBotRequest = z
  .object({
    name: z.string().trim().min(1).max(255),
    kind: BotKind,
    enabled: z.boolean().default(true),
    channel: Channel.nullable().default(null),
    destination: z.string().trim().min(1).max(255).nullable().default(null),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .default(null),
    sessionTimeoutSeconds: z.number().int().min(60).max(86400).default(86400),
    keywordRules: z.array(KeywordRule).max(100).default([]),
    handoverKeywords: z.array(Keyword).max(20).default([]),
    fallbackReply: ReplyText.nullable().default(null),
  })
  .superRefine((bot, ctx) => {
    if (bot.kind === 'WEBHOOK' && !bot.webhookUrl) {
      ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: 'A webhook bot needs a webhook URL' });
    }
    if (bot.kind === 'KEYWORD' && bot.keywordRules.length === 0 && bot.handoverKeywords.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['keywordRules'],
        message: 'A keyword bot needs a rule or a hand-over keyword',
      });
    }
  });
export type SaveBotRequest = z.input<typeof SaveBotRequest>;

/** Answer to creating a WEBHOOK bot: the secret its webhook payloads are signed with, shown once. */
export const CreatedBot = z.object({ bot: Bot, signingSecret: z.string().nullable() });
export type CreatedBot = z.infer<typeof CreatedBot>;

/** A conversation a bot holds now (D3: held by one agent or one bot). */
export const BotSession = z.object({
  conversationId: z.uuid(),
  botId: z.uuid(),
  startedAt: z.string(),
  /** The session times out `sessionTimeoutSeconds` after this. */
  lastCustomerMessageAt: z.string(),
});
export type BotSession = z.infer<typeof BotSession>;

/** The conversations bots hold (the "All Bots" view), newest first. */
export const BotSessionList = z.object({ items: z.array(BotSession) });
export type BotSessionList = z.infer<typeof BotSessionList>;

import { createHash, createHmac } from 'node:crypto';
import type { KeywordRule } from '@parley/contracts';
import { containsKeyword } from '../routing/routing.evaluate.ts';

// What a bot does with a customer message: the built-in keyword bot answers here; an external bot
// gets a signed webhook POST (docs/routing.md, "Bots").

/** The built-in keyword bot's answer: hand over, reply, or stay silent. */
export type KeywordAnswer = { kind: 'handover' } | { kind: 'reply'; text: string } | null;

/**
 * A hand-over keyword wins; else the first rule with a keyword in the text (whole words, any case)
 * replies; else the fallback reply, if any.
 */
export function keywordAnswer(
  bot: {
    keywordRules: readonly KeywordRule[];
    handoverKeywords: readonly string[];
    fallbackReply: string | null;
  },
  text: string,
): KeywordAnswer {
  if (bot.handoverKeywords.some((k) => containsKeyword(text, k))) return { kind: 'handover' };
  const rule = bot.keywordRules.find((r) => r.keywords.some((k) => containsKeyword(text, k)));
  if (rule) return { kind: 'reply', text: rule.reply };
  return bot.fallbackReply ? { kind: 'reply', text: bot.fallbackReply } : null;
}

/** A stable UUID from a text: the client id that makes a bot's automatic reply idempotent. */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The headers that sign a webhook body: HMAC-SHA256 of `<timestamp>.<body>` with the bot's secret. */
export function signatureHeaders(secret: string, body: string, timestamp: number): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'x-parley-timestamp': String(timestamp), 'x-parley-signature': `sha256=${signature}` };
}

export interface WebhookMessage {
  id: string;
  channel: string;
  from: string;
  to: string;
  contentType: string;
  content: unknown;
  createdAt: string;
}

/** The JSON a bot's webhook receives for one customer message. */
export function webhookBody(botId: string, conversationId: string, message: WebhookMessage): string {
  return JSON.stringify({
    event: 'MESSAGE_RECEIVED',
    botId,
    conversationId,
    message,
    // Where to answer (with `x-agent-id: <botId>`) and how to hand over to people.
    reply: { method: 'POST', path: `/ccaas/1/conversations/${conversationId}/messages` },
    handOver: { method: 'POST', path: `/ccaas/1/conversations/${conversationId}/route` },
  });
}

/** How long a bot's webhook may take before the delivery counts as failed (and is retried). */
const WEBHOOK_TIMEOUT_MS = 10_000;

/** POSTs a signed body; any answer but 2xx (or no answer in time) throws, so the job is retried. */
export async function postToWebhook(
  url: string,
  secret: string,
  body: string,
  now = Date.now(),
): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders(secret, body, Math.floor(now / 1000)),
    },
    body,
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    redirect: 'error',
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`bot webhook answered ${res.status}`);
}

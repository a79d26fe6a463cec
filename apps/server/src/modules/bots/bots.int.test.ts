import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRoutingDesk, type RoutingDesk } from '../assignment/test-support.ts';
import { type RuleInput, replaceRoutingRules } from '../routing/routing.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { findBotSession } from './bot-sessions.repo.ts';
import { expireBotSession, forwardToWebhook } from './bots.handlers.ts';
import { createBot } from './bots.service.ts';

let desk: RoutingDesk;
let apiKey: string;
beforeAll(async () => {
  desk = await createRoutingDesk();
  apiKey = `App ${(await createApiKeyRecord(desk.db.orm, 'bots test', null)).key}`;
});
afterAll(() => desk.app.close());
beforeEach(() => replaceRoutingRules(desk.ctx.events, []));

const botBase = {
  enabled: true,
  channel: null,
  destination: null,
  webhookUrl: null,
  sessionTimeoutSeconds: 600,
  keywordRules: [],
  handoverKeywords: [],
  fallbackReply: null,
};

/** Routes every SMS conversation to `queueId`, held first by `botId`. */
const viaBot = (queueId: string, botId: string): RuleInput[] => [
  {
    name: 'bot first',
    queueId,
    botId,
    expression: { $eq: { 'message.channel': 'SMS' } },
    enabled: true,
    priority: 'NORMAL',
    tagIds: [],
    routeOnlyDuringWorkingHours: false,
  },
];

async function texts(conversationId: string) {
  const { rows } = await desk.db.pool.query(
    `select direction, author_kind, content->>'text' as text from messages where conversation_id = $1 order by created_at, id`,
    [conversationId],
  );
  return rows.map((r) => `${r.direction === 'INBOUND' ? 'customer' : r.author_kind}: ${r.text}`);
}

describe('the built-in keyword bot', () => {
  it('answers by keyword, then hands over to the queue’s people on a hand-over keyword', async () => {
    const agent = await desk.agent();
    const queueId = await desk.queue([agent], { autoAssign: true });
    const { bot } = await createBot(desk.ctx.events, {
      ...botBase,
      name: 'Helper',
      kind: 'KEYWORD',
      keywordRules: [{ keywords: ['hours', 'open'], reply: 'We are open 8–16.' }],
      handoverKeywords: ['agent', 'human'],
      fallbackReply: 'Say "agent" to talk to a person.',
    });
    await replaceRoutingRules(desk.ctx.events, viaBot(queueId, bot.id));
    const from = '385991230001';
    const conv = await desk.message('When are you open?', { from });
    expect(conv.assigneeUserId).toBeNull();
    expect((await findBotSession(desk.db.orm, conv.id))?.botId).toBe(bot.id);
    await desk.message('thanks', { from });
    await desk.message('I want an AGENT please', { from });
    expect(await texts(conv.id)).toEqual([
      'customer: When are you open?',
      'BOT: We are open 8–16.',
      'customer: thanks',
      'BOT: Say "agent" to talk to a person.',
      'customer: I want an AGENT please',
    ]);
    expect(await findBotSession(desk.db.orm, conv.id)).toBeUndefined();
    expect(await desk.conversation(conv.id)).toMatchObject({ queueId, assigneeUserId: agent });
  });

  it('lets an agent take over from the bot (D3: a bot-held conversation has no agent)', async () => {
    const queueId = await desk.queue([desk.plainAgent.user.id]);
    const { bot } = await createBot(desk.ctx.events, {
      ...botBase,
      name: 'Silent',
      kind: 'KEYWORD',
      handoverKeywords: ['x'],
    });
    await replaceRoutingRules(desk.ctx.events, viaBot(queueId, bot.id));
    const conv = await desk.message('hello bot');
    expect((await findBotSession(desk.db.orm, conv.id))?.botId).toBe(bot.id);
    const held = await desk.app.inject({
      method: 'GET',
      url: `/api/bots/sessions?botId=${bot.id}`,
      headers: desk.plainAgent.headers,
    });
    expect(held.json()).toEqual({
      items: [
        {
          conversationId: conv.id,
          botId: bot.id,
          startedAt: expect.any(String),
          lastCustomerMessageAt: expect.any(String),
        },
      ],
    });
    const res = await desk.app.inject({
      method: 'POST',
      url: `/api/conversations/${conv.id}/assign-to-me`,
      headers: desk.plainAgent.headers,
    });
    expect(res.statusCode).toBe(200);
    await desk.settle();
    expect(await findBotSession(desk.db.orm, conv.id)).toBeUndefined();
    expect((await desk.conversation(conv.id)).assigneeUserId).toBe(desk.plainAgent.user.id);
  });
});

describe('an external webhook bot', () => {
  it('gets signed messages, answers and hands over through /ccaas/1 with its id', async () => {
    const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.statusCode = received.length === 1 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const agent = await desk.agent();
      const queueId = await desk.queue([agent], { autoAssign: true });
      const { bot, signingSecret } = await createBot(desk.ctx.events, {
        ...botBase,
        name: 'Ext',
        kind: 'WEBHOOK',
        webhookUrl: url,
      });
      await replaceRoutingRules(desk.ctx.events, viaBot(queueId, bot.id));
      const conv = await desk.message('Hi bot');
      const [message] = (
        await desk.db.pool.query('select id from messages where conversation_id = $1', [conv.id])
      ).rows;
      const job = { botId: bot.id, conversationId: conv.id, messageId: message.id };
      // A failing webhook throws, so pg-boss retries the job.
      await expect(forwardToWebhook(desk.ctx, job)).rejects.toThrow(/503/);
      await forwardToWebhook(desk.ctx, job);
      const last = received.at(-1);
      const payload = JSON.parse(last?.body ?? '{}');
      expect(payload).toMatchObject({
        event: 'MESSAGE_RECEIVED',
        botId: bot.id,
        conversationId: conv.id,
        message: { id: message.id, content: { text: 'Hi bot' } },
      });
      const expected = createHmac('sha256', signingSecret ?? '')
        .update(`${last?.headers['x-parley-timestamp']}.${last?.body}`)
        .digest('hex');
      expect(last?.headers['x-parley-signature']).toBe(`sha256=${expected}`);

      const asBot = { authorization: apiKey, 'x-agent-id': bot.id };
      const reply = await desk.app.inject({
        method: 'POST',
        url: `/ccaas/1/conversations/${conv.id}/messages`,
        headers: asBot,
        payload: {
          from: '44555',
          to: conv.customerAddress,
          channel: 'SMS',
          contentType: 'TEXT',
          content: { text: 'Bot here' },
        },
      });
      expect(reply.statusCode, reply.body).toBe(200);
      const handOver = await desk.app.inject({
        method: 'POST',
        url: `/ccaas/1/conversations/${conv.id}/route`,
        headers: asBot,
      });
      expect(handOver.statusCode, handOver.body).toBe(200);
      await desk.settle();
      expect(await desk.conversation(conv.id)).toMatchObject({ queueId, assigneeUserId: agent });
      expect(await texts(conv.id)).toEqual(['customer: Hi bot', 'BOT: Bot here']);
    } finally {
      server.close();
    }
  });

  it('closes a bot conversation the customer left for the session timeout', async () => {
    const queueId = await desk.queue([]);
    const { bot } = await createBot(desk.ctx.events, {
      ...botBase,
      name: 'Timer',
      kind: 'KEYWORD',
      handoverKeywords: ['x'],
      sessionTimeoutSeconds: 60,
    });
    await replaceRoutingRules(desk.ctx.events, viaBot(queueId, bot.id));
    const conv = await desk.message('hello?');
    expect(await expireBotSession(desk.ctx, conv.id)).toBe(false);
    expect(await expireBotSession(desk.ctx, conv.id, Date.now() + 61_000)).toBe(true);
    await desk.settle();
    expect((await desk.conversation(conv.id)).status).toBe('CLOSED');
    expect(await findBotSession(desk.db.orm, conv.id)).toBeUndefined();
  });
});

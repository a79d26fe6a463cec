import {
  type CcaasBot,
  CcaasBotListQuery,
  CcaasBotPage,
  CcaasBot as CcaasBotSchema,
  CcaasSaveBotRequest,
  CcaasStatusResponse,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BotRow, findBotById, listBots } from '../../modules/bots/bots.repo.ts';
import { type BotInput, createBot, deleteBot, updateBot } from '../../modules/bots/bots.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { isUuid } from '../../platform/ids.ts';
import { ccaasNotFound } from '../errors.ts';
import { paginationOf, parsePage } from '../pagination.ts';

const BotParams = z.object({ botId: z.string() });
const access = { access: 'api-key' } as const;

/** The reference's Bot: Parley's WEBHOOK bots (the built-in keyword bots are configured in /api only). */
function toCcaasBot(bot: BotRow): CcaasBot {
  return {
    id: bot.id,
    displayName: bot.name,
    ...(bot.webhookUrl && { webhookUrl: bot.webhookUrl }),
    destination: bot.destination ?? '',
    enabled: bot.enabled,
    messagePersistencePolicy: 'PERSIST_ALL',
    channel: bot.channel ?? 'UNKNOWN',
    sessionTimeoutInSec: bot.sessionTimeoutSeconds,
  };
}

function toBotInput(body: z.output<typeof CcaasSaveBotRequest>): BotInput {
  return {
    name: body.displayName,
    kind: 'WEBHOOK',
    enabled: body.enabled,
    channel: body.channel,
    destination: body.destination,
    webhookUrl: body.webhookUrl,
    sessionTimeoutSeconds: body.sessionTimeoutInSec,
    keywordRules: [],
    handoverKeywords: [],
    fallbackReply: null,
  };
}

async function findWebhookBotOr404(ctx: AppContext, id: string): Promise<BotRow> {
  const bot = isUuid(id) ? await findBotById(ctx.db.orm, id.toLowerCase()) : undefined;
  if (bot?.kind !== 'WEBHOOK') throw ccaasNotFound(id);
  return bot;
}

/** `/bots`: external bots that get customer messages by webhook and answer through `/ccaas/1` (D4). */
export async function registerBotRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const { events } = ctx;

  r.get(
    '/bots',
    { config: access, schema: { querystring: CcaasBotListQuery, response: { 200: CcaasBotPage } } },
    async (request) => {
      const page = parsePage(request.query, ['displayName'] as const);
      const bots = (await listBots(ctx.db.orm)).filter((b) => b.kind === 'WEBHOOK').map(toCcaasBot);
      bots.sort((a, b) => {
        for (const { field, direction } of page.order) {
          const c = a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0;
          if (c !== 0) return direction === 'asc' ? c : -c;
        }
        return 0;
      });
      return {
        bots: bots.slice(page.offset, page.offset + page.limit),
        pagination: paginationOf(page, bots.length),
      };
    },
  );

  r.post(
    '/bots',
    { config: access, schema: { body: CcaasSaveBotRequest, response: { 200: CcaasBotSchema } } },
    async (request) => toCcaasBot((await createBot(events, toBotInput(request.body))).bot),
  );

  r.get(
    '/bots/:botId',
    { config: access, schema: { params: BotParams, response: { 200: CcaasBotSchema } } },
    async (request) => toCcaasBot(await findWebhookBotOr404(ctx, request.params.botId)),
  );

  r.put(
    '/bots/:botId',
    {
      config: access,
      schema: { params: BotParams, body: CcaasSaveBotRequest, response: { 200: CcaasBotSchema } },
    },
    async (request) => {
      const bot = await findWebhookBotOr404(ctx, request.params.botId);
      return toCcaasBot(await updateBot(events, bot.id, toBotInput(request.body)));
    },
  );

  r.delete(
    '/bots/:botId',
    { config: access, schema: { params: BotParams, response: { 200: CcaasStatusResponse } } },
    async (request) => {
      const bot = await findWebhookBotOr404(ctx, request.params.botId);
      await deleteBot(events, bot.id);
      return { statusCode: 'SUCCESS' as const, message: 'Bot deleted successfully.' };
    },
  );
}

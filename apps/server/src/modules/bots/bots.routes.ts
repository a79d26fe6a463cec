import { Bot, BotList, BotSessionList, CreatedBot, SaveBotRequest } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { listBotSessions } from './bot-sessions.repo.ts';
import { presentBot, presentBots } from './bots.presenter.ts';
import { findBotById, listBots } from './bots.repo.ts';
import { createBot, deleteBot, updateBot } from './bots.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** D4 bots: everyone who works conversations sees them ("All Bots"); supervisors manage them. */
export async function registerBotRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orm } = ctx.db;

  r.get('/api/bots', { config: { access: 'agent' }, schema: { response: { 200: BotList } } }, async () => ({
    items: await presentBots(orm, await listBots(orm)),
  }));

  r.get(
    '/api/bots/sessions',
    {
      config: { access: 'agent' },
      schema: { querystring: z.object({ botId: z.uuid().optional() }), response: { 200: BotSessionList } },
    },
    async (request) => ({
      items: (await listBotSessions(orm, request.query.botId)).map((s) => ({
        conversationId: s.conversationId,
        botId: s.botId,
        startedAt: s.startedAt.toISOString(),
        lastCustomerMessageAt: s.lastCustomerMessageAt.toISOString(),
      })),
    }),
  );

  r.get(
    '/api/bots/:id',
    { config: { access: 'agent' }, schema: { params: IdParams, response: { 200: Bot } } },
    async (request) => {
      const bot = await findBotById(orm, request.params.id);
      if (!bot) throw notFound('Bot');
      return presentBot(orm, bot);
    },
  );

  r.post(
    '/api/bots',
    { config: { access: 'supervisor' }, schema: { body: SaveBotRequest, response: { 201: CreatedBot } } },
    async (request, reply) => {
      const { bot, signingSecret } = await createBot(ctx.events, request.body);
      return reply.status(201).send({ bot: await presentBot(orm, bot), signingSecret });
    },
  );

  r.put(
    '/api/bots/:id',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: SaveBotRequest, response: { 200: Bot } },
    },
    async (request) => presentBot(orm, await updateBot(ctx.events, request.params.id, request.body)),
  );

  r.delete(
    '/api/bots/:id',
    { config: { access: 'supervisor' }, schema: { params: IdParams } },
    async (request, reply) => {
      await deleteBot(ctx.events, request.params.id);
      return reply.status(204).send();
    },
  );
}

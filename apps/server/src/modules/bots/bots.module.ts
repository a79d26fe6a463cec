import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerBotHandlers } from './bots.handlers.ts';
import { registerBotRoutes } from './bots.routes.ts';

/** D4 bots: external webhook bots and the built-in keyword bot, their sessions and hand-over. */
export async function registerBotsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerBotHandlers(ctx);
  await registerBotRoutes(app, ctx);
}

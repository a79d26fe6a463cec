import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerRoutingHandlers } from './routing.handlers.ts';
import { registerRoutingRoutes } from './routing.routes.ts';

/** D4 routing rules and routing of new conversations. */
export async function registerRoutingModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerRoutingHandlers(ctx);
  await registerRoutingRoutes(app, ctx);
}

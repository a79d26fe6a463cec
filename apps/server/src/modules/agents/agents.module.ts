import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerAgentsRoutes } from './agents.routes.ts';

/** The agents list with live availability and load (D1). */
export async function registerAgentsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerAgentsRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerQueuesRoutes } from './queues.routes.ts';

/** D4 queues and their members. */
export async function registerQueuesModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerQueuesRoutes(app, ctx);
}

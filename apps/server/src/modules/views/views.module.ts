import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerViewsRoutes } from './views.routes.ts';

/** D5 ALL WORK custom views: saved filters, private or global, and the sidebar counts. */
export async function registerViewsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerViewsRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerDashboardLive } from './dashboard.live.ts';
import { registerDashboardRoutes } from './dashboard.routes.ts';

/** The supervisor dashboard (D1, D4): data and its throttled live signal. */
export async function registerDashboardModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerDashboardLive(ctx);
  await registerDashboardRoutes(app, ctx);
}

import { Dashboard } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { buildDashboard } from './dashboard.service.ts';

/** The supervisors' live dashboard; `dashboard.changed` (realtime) says when to refetch. */
export async function registerDashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/dashboard',
      { config: { access: 'supervisor' }, schema: { response: { 200: Dashboard } } },
      async () => buildDashboard(ctx.db.orm),
    );
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerCustomersRoutes } from './customers.routes.ts';

/** D6 customer profiles ("People"). */
export async function registerCustomersModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerCustomersRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerBulkRoutes } from './bulk.routes.ts';

/** D5 bulk actions on conversations. */
export async function registerBulkModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerBulkRoutes(app, ctx);
}

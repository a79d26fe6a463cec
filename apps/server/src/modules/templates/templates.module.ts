import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerTemplatesRoutes } from './templates.routes.ts';

/** D7 user-defined templates. */
export async function registerTemplatesModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerTemplatesRoutes(app, ctx);
}

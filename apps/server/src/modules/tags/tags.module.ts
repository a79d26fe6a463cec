import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerTagsRoutes } from './tags.routes.ts';

/** D8 tag catalogue. */
export async function registerTagsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerTagsRoutes(app, ctx);
}

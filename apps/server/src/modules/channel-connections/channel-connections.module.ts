import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerChannelConnectionRoutes } from './channel-connections.routes.ts';

/** Admin configuration of provider connections (Infobip accounts per channel and sender); agents read their senders. */
export async function registerChannelConnectionsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerChannelConnectionRoutes(app, ctx);
}

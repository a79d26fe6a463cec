import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerOfflineGrace } from './offline-grace.handlers.ts';
import { registerUsersHandlers } from './users.handlers.ts';
import { registerUsersAdminRoutes } from './users.routes.ts';

/** Sign-in, sessions, availability, the team board, and the admin screens for users and API keys. */
export async function registerUsersModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // No parsing hook: it would run after the access hook; authenticate.ts parses the header itself.
  await app.register(fastifyCookie, { hook: false });
  registerUsersHandlers(ctx);
  registerOfflineGrace(app, ctx);
  await registerAuthRoutes(app, ctx);
  await registerUsersAdminRoutes(app, ctx);
}

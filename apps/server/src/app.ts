import fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { createAuthenticator } from './modules/users/authenticate.ts';
import { registerUsersModule } from './modules/users/users.module.ts';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import type { Db } from './platform/db/client.ts';
import { createEvents } from './platform/events/events.ts';
import { installAccessControl } from './platform/http/access.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { registerOpsRoutes } from './platform/http/ops.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { createJobs } from './platform/jobs/jobs.ts';
import { createRealtime } from './platform/realtime/realtime.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

export type App = FastifyInstance;

/**
 * Builds the whole server: platform → modules → ccaas → channels. Used by main.ts and by tests.
 * `app.close()` drains HTTP and WebSockets, stops jobs and the event sweeper, and closes the pool.
 */
export async function buildApp({ config, db, logger }: AppDeps): Promise<{ app: App; ctx: AppContext }> {
  const app = fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps App the plain FastifyInstance type.
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const events = createEvents(db, logger);
  const jobs = createJobs(config, db, logger);
  const realtime = await createRealtime(app, config, db, logger);
  const ctx: AppContext = { config, db, logger, events, jobs, realtime };

  // Access control first: it must see every route registered after it.
  const authenticate = createAuthenticator(ctx);
  installAccessControl(app, authenticate);
  await registerOpsRoutes(app, ctx);
  await realtime.registerRoutes(authenticate);
  await registerUsersModule(app, ctx);
  await registerWebApp(app);

  app.addHook('onReady', async () => {
    await events.start();
    await jobs.start();
  });
  app.addHook('onClose', async () => {
    await realtime.close();
    await jobs.stop();
    await events.stop();
  });
  return { app, ctx };
}

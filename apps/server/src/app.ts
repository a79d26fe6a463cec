import fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { registerCcaasModule } from './ccaas/ccaas.module.ts';
import { registerChannels } from './channels/registry.ts';
import { registerAgentsModule } from './modules/agents/agents.module.ts';
import { registerAssignmentModule } from './modules/assignment/assignment.module.ts';
import { registerAttachmentsModule } from './modules/attachments/attachments.module.ts';
import { registerBotsModule } from './modules/bots/bots.module.ts';
import { registerBulkModule } from './modules/bulk/bulk.module.ts';
import { registerChannelConnectionsModule } from './modules/channel-connections/channel-connections.module.ts';
import { registerConversationsModule } from './modules/conversations/conversations.module.ts';
import { registerCustomersModule } from './modules/customers/customers.module.ts';
import { registerDashboardModule } from './modules/dashboard/dashboard.module.ts';
import { registerQueuesModule } from './modules/queues/queues.module.ts';
import { registerRoutingModule } from './modules/routing/routing.module.ts';
import { registerTagsModule } from './modules/tags/tags.module.ts';
import { registerTemplatesModule } from './modules/templates/templates.module.ts';
import { registerTranscriptsModule } from './modules/transcripts/transcripts.module.ts';
import { createAuthenticator } from './modules/users/authenticate.ts';
import { registerUsersModule } from './modules/users/users.module.ts';
import { registerViewsModule } from './modules/views/views.module.ts';
import { registerWhatsAppTemplatesModule } from './modules/whatsapp-templates/whatsapp-templates.module.ts';
import { registerPeopleApi } from './people/people.module.ts';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import type { Db } from './platform/db/client.ts';
import { createEvents } from './platform/events/events.ts';
import { installAccessControl } from './platform/http/access.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { registerOpsRoutes } from './platform/http/ops.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
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
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await installSecurityHeaders(app, config);

  const events = createEvents(db, logger);
  const jobs = createJobs(config, db, logger);
  const realtime = await createRealtime(app, config, db, logger);
  const ctx: AppContext = { config, db, logger, events, jobs, realtime };

  // Access control first: it must see every route registered after it.
  const authenticate = createAuthenticator(ctx);
  installAccessControl(app, authenticate);
  await registerOpsRoutes(app, ctx);
  await realtime.registerRoutes();
  await registerUsersModule(app, ctx);
  await registerCustomersModule(app, ctx);
  await registerQueuesModule(app, ctx);
  await registerTagsModule(app, ctx);
  await registerTemplatesModule(app, ctx);
  await registerWhatsAppTemplatesModule(app, ctx);
  await registerAgentsModule(app, ctx);
  await registerConversationsModule(app, ctx);
  await registerViewsModule(app, ctx);
  await registerBulkModule(app, ctx);
  await registerTranscriptsModule(app, ctx);
  // Routing's handlers before assignment's: a new conversation is routed, then offered.
  await registerRoutingModule(app, ctx);
  await registerAssignmentModule(app, ctx);
  await registerBotsModule(app, ctx);
  await registerDashboardModule(app, ctx);
  await registerChannelConnectionsModule(app, ctx);
  await registerAttachmentsModule(app, ctx);
  await registerCcaasModule(app, ctx);
  await registerPeopleApi(app, ctx);
  await registerChannels(app, ctx);
  await registerWebApp(app);

  app.addHook('onReady', async () => {
    await events.start();
    await jobs.start();
  });
  // Sockets are already closed (realtime's preClose); the bus stays up until jobs and event
  // handlers, which may still publish, have finished.
  app.addHook('onClose', async () => {
    await jobs.stop();
    await events.stop();
    await realtime.close();
  });
  return { app, ctx };
}

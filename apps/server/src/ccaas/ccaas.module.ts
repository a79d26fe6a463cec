import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { acceptEmptyJsonBodies } from '../platform/http/empty-json-bodies.ts';
import { registerAgentRoutes } from './agents/agents.routes.ts';
import { registerBotRoutes } from './bots/bots.routes.ts';
import { registerConversationRoutes } from './conversations/conversations.routes.ts';
import { installCcaasErrorHandler } from './errors.ts';
import { registerMessageRoutes } from './messages/messages.routes.ts';
import { registerMetadataRoutes } from './metadata/metadata.routes.ts';
import { registerNoteRoutes } from './notes/notes.routes.ts';
import { registerQueueRoutes } from './queues/queues.routes.ts';
import { registerRoutingRoutes } from './routing/routing.routes.ts';
import { registerTagRoutes } from './tags/tags.routes.ts';
import { registerTemplateRoutes } from './templates/templates.routes.ts';

/** The URL prefix of the Infobip-compatible public API. */
export const CCAAS_PREFIX = '/ccaas/1';

/**
 * One group of `/ccaas/1` routes. `scope` is the encapsulated plugin: paths are relative to
 * `/ccaas/1`, errors render in Infobip's envelope, and every route must declare access 'api-key'.
 */
export type CcaasRoutes = (scope: FastifyInstance, ctx: AppContext) => Promise<void>;

/** Every route group of the public API, registered in this order. */
const ROUTE_GROUPS: CcaasRoutes[] = [
  registerConversationRoutes,
  registerMessageRoutes,
  registerNoteRoutes,
  registerTagRoutes,
  registerMetadataRoutes,
  registerAgentRoutes,
  registerQueueRoutes,
  registerRoutingRoutes,
  registerBotRoutes,
  registerTemplateRoutes,
];

/** The Infobip-compatible public API under `/ccaas/1`, for integrators with an API key. */
export async function registerCcaasModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      installCcaasErrorHandler(scope);
      acceptEmptyJsonBodies(scope);
      scope.addHook('onRoute', (route) => {
        // Integrators only: a session-cookie route here would bypass the CSRF-free API-key contract.
        if (route.method !== 'HEAD' && route.config?.access !== 'api-key') {
          throw new Error(`${String(route.method)} ${route.url} must declare access 'api-key'`);
        }
      });
      for (const register of ROUTE_GROUPS) await register(scope, ctx);
    },
    { prefix: CCAAS_PREFIX },
  );
}

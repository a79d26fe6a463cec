import type { FastifyInstance } from 'fastify';
import { installCcaasErrorHandler } from '../ccaas/errors.ts';
import type { AppContext } from '../platform/context.ts';
import { acceptEmptyJsonBodies } from '../platform/http/empty-json-bodies.ts';
import { registerPersonRoutes } from './persons.routes.ts';

/** The URL prefix of the Infobip-compatible People API (persons). */
export const PEOPLE_PREFIX = '/people/2';

/**
 * The persons part of Infobip's People API under `/people/2`, for integrators with an API key
 * (`Authorization: App <key>`); errors render in Infobip's `requestError.serviceException` envelope.
 */
export async function registerPeopleApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      installCcaasErrorHandler(scope);
      acceptEmptyJsonBodies(scope);
      scope.addHook('onRoute', (route) => {
        if (route.method !== 'HEAD' && route.config?.access !== 'api-key') {
          throw new Error(`${String(route.method)} ${route.url} must declare access 'api-key'`);
        }
      });
      await registerPersonRoutes(scope, ctx);
    },
    { prefix: PEOPLE_PREFIX },
  );
}

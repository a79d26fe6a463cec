import type { FastifyInstance } from 'fastify';
import { installCcaasErrorHandler } from '../ccaas/errors.ts';
import type { AppContext } from '../platform/context.ts';
import { registerPersonRoutes } from './persons.routes.ts';

/** The URL prefix of the Infobip-compatible People API (persons). */
export const PEOPLE_PREFIX = '/people/2';

/**
 * Integrators' HTTP clients often send `Content-Type: application/json` on every request, also on
 * a body-less DELETE; an empty body then means "no body", not a parse error (as under /ccaas/1).
 */
function acceptEmptyJsonBodies(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    parseJson(request, text, done);
  });
}

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

import type { FastifyInstance } from 'fastify';

/**
 * Integrators' HTTP clients often send `Content-Type: application/json` on every request, also on
 * body-less ones (`POST …/route`, a DELETE); in this scope an empty body then means "no body", not
 * a parse error. Used by the public APIs (`/ccaas/1`, `/people/2`).
 */
export function acceptEmptyJsonBodies(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // parseAs 'string' hands over a string; the type also allows a Buffer for parseAs 'buffer'.
    const text = body.toString();
    if (text === '') return done(null, undefined);
    parseJson(request, text, done);
  });
}

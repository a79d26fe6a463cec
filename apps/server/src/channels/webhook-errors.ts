import type { FastifyInstance } from 'fastify';
import { toErrorBody } from '../platform/http/error-handler.ts';

/** ARCHITECTURE §4: `/webhooks` answers tersely; a provider needs the status, not our details. */
export function installTerseWebhookErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'webhook failed');
    return reply.status(status).send({ error: { code: body.error.code, message: body.error.message } });
  });
}

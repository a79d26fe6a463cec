import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { InboundSink } from '../adapter.ts';
import { createConnectionCache } from '../connection-cache.ts';
import { installTerseWebhookErrors } from '../webhook-errors.ts';
import { WebhookEnvelope } from './payloads.ts';
import { INFOBIP_WEBHOOK_PATH, readWebhookCredentials, webhookAccess } from './verify.ts';

const isReport = (event: string | undefined) => event === 'DELIVERY' || event === 'SEEN';

const unauthenticated = () =>
  new AppError('unauthenticated', 401, 'Webhook credentials are missing or wrong');

/**
 * `POST /webhooks/infobip/messages`: incoming messages, delivery and seen reports of every Infobip
 * connection. Verify (Basic: connection id + webhook secret) → store the raw body → acknowledge 200
 * → process in the background, so nothing acknowledged is lost if the process dies.
 */
export async function registerInfobipWebhook(
  app: FastifyInstance,
  ctx: AppContext,
  inbound: InboundSink,
): Promise<void> {
  const connectionOf = createConnectionCache(ctx);
  await app.register(async (scope) => {
    installTerseWebhookErrors(scope);

    scope.post(
      INFOBIP_WEBHOOK_PATH,
      // Provider traffic runs at thousands of calls a second; failures are still logged.
      { config: { access: 'public' }, logLevel: 'warn' },
      async (request, reply) => {
        const credentials = readWebhookCredentials(request.headers.authorization);
        if (!credentials) throw unauthenticated();
        const connection = await connectionOf(credentials.connectionId);
        if (connection?.provider !== 'infobip') throw unauthenticated();
        const access = webhookAccess(request.headers.authorization, connection);
        if (access === undefined) throw unauthenticated();
        if (!connection.enabled) throw new AppError('forbidden', 403, 'This channel connection is disabled');
        const envelope = WebhookEnvelope.safeParse(request.body);
        if (!envelope.success) {
          throw new AppError(
            'validation_failed',
            400,
            'Expected an Infobip webhook body with a results array',
          );
        }
        if (access === 'reports' && !envelope.data.results.every((r) => isReport(r.event))) {
          throw new AppError(
            'forbidden',
            403,
            'The report credentials accept delivery and seen reports only',
          );
        }
        await inbound.store(connection.id, request.body);
        await reply.status(200).send();
      },
    );
  });
}

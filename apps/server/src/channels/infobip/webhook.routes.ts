import type { FastifyInstance } from 'fastify';
import { INFOBIP_WEBHOOK_PATH } from '../../modules/channel-connections/channel-connections.presenter.ts';
import type { ChannelConnectionRow } from '../../modules/channel-connections/channel-connections.repo.ts';
import { findConnectionById } from '../../modules/channel-connections/channel-connections.repo.ts';
import type { InboundEventsProcessor } from '../../modules/messages/inbound-events.processor.ts';
import { insertInboundEvent } from '../../modules/messages/inbound-events.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { toErrorBody } from '../../platform/http/error-handler.ts';
import { WebhookEnvelope } from './payloads.ts';
import { readWebhookCredentials, webhookAccess } from './verify.ts';

/**
 * Connections are read on every webhook call; a short cache keeps the acknowledgement to one
 * insert. An admin's change (disable, new secret) reaches the webhook within this time.
 */
const CONNECTION_CACHE_MS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createConnectionCache(ctx: AppContext) {
  const cache = new Map<string, { row: ChannelConnectionRow; at: number }>();
  return async (id: string): Promise<ChannelConnectionRow | undefined> => {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < CONNECTION_CACHE_MS) return hit.row;
    const row = await findConnectionById(ctx.db.orm, id);
    // Only real connections are cached, so calls with made-up ids cannot grow the map.
    if (row) cache.set(id, { row, at: Date.now() });
    else cache.delete(id);
    return row;
  };
}

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
  processor: InboundEventsProcessor,
): Promise<void> {
  const connectionOf = createConnectionCache(ctx);
  await app.register(async (scope) => {
    // ARCHITECTURE §4: /webhooks answers tersely; a provider needs the status, not our details.
    scope.setErrorHandler((error, request, reply) => {
      const { status, body } = toErrorBody(error);
      if (status >= 500) request.log.error({ err: error }, 'webhook failed');
      return reply.status(status).send({ error: { code: body.error.code, message: body.error.message } });
    });

    scope.post(
      INFOBIP_WEBHOOK_PATH,
      // Provider traffic runs at thousands of calls a second; failures are still logged.
      { config: { access: 'public' }, logLevel: 'warn' },
      async (request, reply) => {
        const credentials = readWebhookCredentials(request.headers.authorization);
        if (!credentials || !UUID.test(credentials.connectionId)) throw unauthenticated();
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
        await insertInboundEvent(ctx.db, connection.id, request.body);
        await reply.status(200).send();
        processor.kick();
      },
    );
  });
}

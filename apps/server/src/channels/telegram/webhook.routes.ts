import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { InboundSink } from '../adapter.ts';
import { createConnectionCache } from '../connection-cache.ts';
import { installTerseWebhookErrors } from '../webhook-errors.ts';
import { isSameSecret } from '../webhook-secret.ts';
import { SECRET_HEADER } from './payloads.ts';
import { telegramSecretToken } from './secret.ts';

/** Each Telegram connection has its own webhook URL: the path names the connection. */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

const UpdateEnvelope = z.object({ update_id: z.number() });

/**
 * `POST /webhooks/telegram/:connectionId`: the bot's updates. Verify (the secret_token Parley gave
 * setWebhook, in X-Telegram-Bot-Api-Secret-Token) → store the raw update → acknowledge 200 →
 * process in the background. Telegram resends an update until it gets a 2xx.
 */
export async function registerTelegramWebhook(
  app: FastifyInstance,
  ctx: AppContext,
  inbound: InboundSink,
): Promise<void> {
  const connectionOf = createConnectionCache(ctx);
  await app.register(async (scope) => {
    installTerseWebhookErrors(scope);
    scope.post<{ Params: { connectionId: string } }>(
      `${TELEGRAM_WEBHOOK_PATH}/:connectionId`,
      { config: { access: 'public' }, logLevel: 'warn' },
      async (request, reply) => {
        const connection = await connectionOf(request.params.connectionId);
        const presented = request.headers[SECRET_HEADER.toLowerCase()];
        if (
          connection?.provider !== 'telegram' ||
          typeof presented !== 'string' ||
          !isSameSecret(presented, telegramSecretToken(connection))
        ) {
          throw new AppError('unauthenticated', 401, 'The secret token is missing or wrong');
        }
        if (!connection.enabled) throw new AppError('forbidden', 403, 'This channel connection is disabled');
        if (!UpdateEnvelope.safeParse(request.body).success) {
          throw new AppError('validation_failed', 400, 'Expected a Telegram Update');
        }
        await inbound.store(connection.id, request.body);
        return reply.status(200).send();
      },
    );
  });
}

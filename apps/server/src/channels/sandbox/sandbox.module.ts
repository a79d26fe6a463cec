import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import {
  infobipErrorBody,
  MESSAGES_API_SEND_PATH,
  MESSAGES_API_VALIDATE_PATH,
} from '../infobip/simulated-api.ts';
import { acceptSandboxSend, listSandboxTemplates, validateSandboxSend } from './sandbox.service.ts';
import { SANDBOX_BASE_PATH } from './sandbox-address.ts';
import { registerSandboxReportJob } from './sandbox-reports.jobs.ts';

/**
 * The built-in sandbox provider (SANDBOX_PROVIDER, on with SEED_DEMO): an Infobip Messages API
 * endpoint served by Parley itself, so demo connections really send and their ticks advance
 * without any provider account. See docs/channels.md.
 */
export async function registerSandboxModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!ctx.config.SANDBOX_PROVIDER) return;
  registerSandboxReportJob(app, ctx);
  await app.register(async (scope) => {
    // The body is checked against the reference as Infobip does, so it is read raw: malformed JSON
    // or another content type gets Infobip's 400, not Parley's.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error, request, reply) => {
      request.log.error({ err: error }, 'sandbox send failed');
      return reply.status(500).send(infobipErrorBody('E500'));
    });
    scope.post(
      `${SANDBOX_BASE_PATH}${MESSAGES_API_SEND_PATH}`,
      // Authenticated like Infobip, with a connection's API key, inside the handler.
      { config: { access: 'public' } },
      async (request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const answer = await acceptSandboxSend(ctx, request.headers.authorization, raw);
        return reply.status(answer.status).send(answer.body);
      },
    );
    scope.post(
      `${SANDBOX_BASE_PATH}${MESSAGES_API_VALIDATE_PATH}`,
      // Authenticated like the send, inside the handler.
      { config: { access: 'public' } },
      async (request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const answer = await validateSandboxSend(ctx, request.headers.authorization, raw);
        return reply.status(answer.status).send(answer.body);
      },
    );
    scope.get<{ Params: { sender: string } }>(
      `${SANDBOX_BASE_PATH}/whatsapp/2/senders/:sender/templates`,
      { config: { access: 'public' } },
      async (request, reply) => {
        const answer = await listSandboxTemplates(ctx, request.headers.authorization, request.params.sender);
        return reply.status(answer.status).send(answer.body);
      },
    );
  });
}

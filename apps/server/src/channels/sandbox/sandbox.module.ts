import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import {
  infobipErrorBody,
  MESSAGES_API_SEND_PATH,
  MESSAGES_API_VALIDATE_PATH,
} from '../infobip/simulated-api.ts';
import {
  acceptSandboxSend,
  answerSandboxCall,
  type KeyConnections,
  listSandboxTemplates,
  type SandboxAnswer,
  validateSandboxSend,
} from './sandbox.service.ts';
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
    // Every route is public and authenticated like Infobip, with a connection's API key, inside it.
    const route = (
      method: 'GET' | 'POST',
      path: string,
      handle: (
        connections: KeyConnections,
        request: FastifyRequest,
      ) => Promise<SandboxAnswer> | SandboxAnswer,
    ) =>
      scope.route({
        method,
        url: `${SANDBOX_BASE_PATH}${path}`,
        config: { access: 'public' },
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const answer = await answerSandboxCall(ctx, request.headers.authorization, (connections) =>
            handle(connections, request),
          );
          return reply.status(answer.status).send(answer.body);
        },
      });
    const raw = (request: FastifyRequest) => (typeof request.body === 'string' ? request.body : '');
    route('POST', MESSAGES_API_SEND_PATH, (connections, request) =>
      acceptSandboxSend(ctx, connections, raw(request)),
    );
    route('POST', MESSAGES_API_VALIDATE_PATH, (connections, request) =>
      validateSandboxSend(connections, raw(request)),
    );
    route('GET', '/whatsapp/2/senders/:sender/templates', (connections, request) =>
      listSandboxTemplates(connections, (request.params as { sender: string }).sender),
    );
  });
}

import type { CcaasErrorBody } from '@parley/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors.ts';

// Infobip answers every client error with 400 except 401/403/404/429, so Parley's 409 (conflict,
// closed conversation) and 422 (rule refusals) become 400 BAD_REQUEST here; the `text` keeps the reason.

const MESSAGE_IDS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
};

/** The reference's wording for a closed conversation. */
const CLOSED_TEXT = 'Closed conversation cannot be changed';

function envelope(
  messageId: string,
  text: string,
  validationErrors?: Record<string, string[]>,
): CcaasErrorBody {
  return {
    requestError: { serviceException: { messageId, text, ...(validationErrors && { validationErrors }) } },
  };
}

/** `Invalid id '<id>' given! No such entity exists.` — the reference's 404 for a path id. */
export function ccaasNotFound(id: string): AppError {
  return new AppError('not_found', 404, `Invalid id '${id}' given! No such entity exists.`);
}

/**
 * A body field names something that does not exist (an agent, a queue, a tag): the reference
 * answers 400 with messageId NOT_FOUND, e.g. `Invalid agent id given '<id>'`.
 */
export function ccaasInvalidReference(text: string): AppError {
  return new AppError('not_found', 400, text);
}

/** A 400 BAD_REQUEST with the reference's envelope. */
export function ccaasBadRequest(text: string): AppError {
  return new AppError('validation_failed', 400, text);
}

/** A 400 naming the failing field, as the reference's `validationErrors` does (`{content: ["must not be blank"]}`). */
export function ccaasFieldError(field: string, message: string): AppError {
  return new AppError('validation_failed', 400, 'Bad request', { validationErrors: { [field]: [message] } });
}

function detailFields(details: unknown): Record<string, string[]> | undefined {
  if (typeof details !== 'object' || details === null || !('validationErrors' in details)) return undefined;
  return details.validationErrors as Record<string, string[]>;
}

function validationFields(error: { validation: { instancePath: string; message?: string }[] }) {
  const fields: Record<string, string[]> = {};
  for (const v of error.validation) {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
    fields[field] = [...(fields[field] ?? []), v.message ?? 'invalid'];
  }
  return fields;
}

/** Maps any thrown error to Infobip's `requestError.serviceException` envelope; 5xx never leak internals. */
export function toCcaasError(error: unknown): { status: number; body: CcaasErrorBody } {
  if (error instanceof AppError) {
    if (error.code === 'conversation_closed')
      return { status: 400, body: envelope('BAD_REQUEST', CLOSED_TEXT) };
    if (error.code === 'not_found' && error.status === 400) {
      return { status: 400, body: envelope('NOT_FOUND', error.message) };
    }
    const status = MESSAGE_IDS[error.status] ? error.status : error.status < 500 ? 400 : 500;
    if (status === 500) return internal();
    const fields = detailFields(error.details);
    return { status, body: envelope(MESSAGE_IDS[status] ?? 'BAD_REQUEST', error.message, fields) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, body: envelope('BAD_REQUEST', 'Bad request', validationFields(error)) };
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 429) return { status: 429, body: envelope('TOO_MANY_REQUESTS', 'Too many requests') };
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 400, body: envelope('BAD_REQUEST', 'Required request body is missing or not valid.') };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: 400, body: envelope('BAD_REQUEST', 'Invalid request body.') };
  }
  return internal();
}

function internal() {
  return { status: 500, body: envelope('GENERAL_ERROR', 'Something went wrong. Please contact support.') };
}

/**
 * Renders every error of the `/ccaas/1` scope in Infobip's envelope — including the access hook's
 * 401/403, which run inside the route's context — and answers unknown `/ccaas/1/*` paths with 404
 * NOT_FOUND. A catch-all route rather than a not-found handler: the web app's `GET /*` route would
 * otherwise take unknown GETs and answer them in the `/api` shape.
 */
export function installCcaasErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error, request, reply) => {
    const { status, body } = toCcaasError(error);
    if (status >= 500) request.log.error({ err: error }, 'ccaas request failed');
    return reply.status(status).send(body);
  });
  scope.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    config: { access: 'api-key' },
    schema: { hide: true },
    handler: async (request) => {
      throw new AppError('not_found', 404, `No route ${request.method} ${request.url}`);
    },
  });
}

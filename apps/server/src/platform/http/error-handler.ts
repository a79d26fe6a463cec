import type { ErrorBody } from '@parley/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

/** Maps any thrown error to the `/api` error envelope; 5xx never leak internals. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, details: error.details } },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: v.instancePath,
      message: v.message ?? 'invalid',
    }));
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message: 'The request is not valid', details } },
    };
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 413) {
    return { status: 413, body: { error: { code: 'payload_too_large', message: 'Request body too large' } } };
  }
  if (fe.statusCode === 429) {
    return {
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Too many requests, retry later' } },
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: 400, body: { error: { code: 'validation_failed', message: fe.message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side' } },
  };
}

/** Installs the one error handler and a JSON 404. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'not_found', message: `No route ${request.method} ${request.url}` },
    };
    return reply.status(404).send(body);
  });
}

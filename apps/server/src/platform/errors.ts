import type { ErrorCode } from '@parley/contracts';

/** The one error type services and policies throw; the error handler renders it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  constructor(code: ErrorCode, status: number, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError('not_found', 404, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError('forbidden', 403, message);
export const conflict = (message: string, details?: unknown) =>
  new AppError('conflict', 409, message, details);

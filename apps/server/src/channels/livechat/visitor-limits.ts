import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';

const MINUTE = 60_000;

/**
 * What one visitor (or, before a session exists, one address) may do. Generous for a person
 * chatting, tight for a script: the widget throttles typing and receipts itself.
 */
export function createVisitorLimits() {
  return {
    /** Widget loads per client address (every page view of a site asks once). */
    config: createRateLimiter({ limit: 300, windowMs: MINUTE }),
    /** New sessions (and so profiles) per client address. */
    sessions: createRateLimiter({ limit: 20, windowMs: 10 * MINUTE }),
    /** Socket connections per client address. */
    sockets: createRateLimiter({ limit: 60, windowMs: MINUTE }),
    /** Per visitor. */
    messages: createRateLimiter({ limit: 30, windowMs: MINUTE }),
    reads: createRateLimiter({ limit: 120, windowMs: MINUTE }),
    typing: createRateLimiter({ limit: 60, windowMs: MINUTE }),
    receipts: createRateLimiter({ limit: 120, windowMs: MINUTE }),
    uploads: createRateLimiter({ limit: 10, windowMs: 10 * MINUTE }),
  };
}

export type VisitorLimits = ReturnType<typeof createVisitorLimits>;

/** Counts the call; over the limit → 429 `rate_limited` with Retry-After. */
export function enforceLimit(limiter: RateLimiter, key: string, reply: FastifyReply): void {
  const decision = limiter.hit(key);
  if (decision.ok) return;
  reply.header('retry-after', String(decision.retryAfterSeconds));
  throw new AppError('rate_limited', 429, 'Too many requests, retry in a moment');
}

import type { Orm } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import {
  clearLoginAttempts,
  countLoginAttempt,
  pruneLoginAttempts,
  withdrawLoginAttempt,
} from './login-attempts.repo.ts';
import { sha256 } from './tokens.ts';

/** Sign-in attempts are counted in fixed windows of this length. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Attempts allowed per e-mail across all addresses, as a multiple of LOGIN_RATE_LIMIT: an attacker
 * who rotates addresses gets this many guesses per window, not an unlimited number.
 */
export const PER_EMAIL_LIMIT_FACTOR = 5;

/** A counted sign-in attempt: report how it ended. */
export interface LoginAttempt {
  /** The password was right: clears this address's count and takes this attempt back from the e-mail's. */
  succeeded(): Promise<void>;
  /** The attempt stays counted; windows that ended are deleted so the table stays small. */
  failed(): Promise<void>;
}

/**
 * Counts a sign-in attempt per (IP, e-mail) and per e-mail before the password is checked, so
 * parallel guesses cannot all pass a count taken before any of them was recorded. Over either
 * limit it throws `rate_limited` (the password is then never checked).
 */
export async function takeLoginAttempt(
  orm: Orm,
  limit: number,
  email: string,
  ip: string | null,
): Promise<LoginAttempt> {
  const address = email.toLowerCase();
  const perAddress = sha256(`${ip ?? ''}|${address}`);
  const perEmail = sha256(`*|${address}`);
  const windowStart = new Date(Math.floor(Date.now() / LOGIN_WINDOW_MS) * LOGIN_WINDOW_MS);
  const counts = await countLoginAttempt(orm, [perAddress, perEmail], windowStart);
  if ((counts.get(perAddress) ?? 0) > limit || (counts.get(perEmail) ?? 0) > limit * PER_EMAIL_LIMIT_FACTOR) {
    throw new AppError('rate_limited', 429, 'Too many sign-in attempts; try again in a few minutes');
  }
  return {
    async succeeded() {
      await clearLoginAttempts(orm, perAddress);
      await withdrawLoginAttempt(orm, perEmail, windowStart);
    },
    async failed() {
      await pruneLoginAttempts(orm, windowStart);
    },
  };
}

import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Authenticate, Principal } from '../../platform/http/access.ts';
import { findLiveApiKey, touchApiKey } from './api-keys.repo.ts';
import { findLiveSession, touchSession } from './sessions.repo.ts';
import { sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'parley_session';

/** A session seen within this window is not written again: most requests stay read-only. */
const SESSION_TOUCH_AFTER_MS = 5 * 60_000;
/** `last_used_at` of an API key is recorded at most this often. */
const API_KEY_TOUCH_AFTER_MS = 60_000;

/** Options of the session cookie; its lifetime matches the session's, renewed by GET /api/auth/session. */
export function sessionCookieOptions(config: Config): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    path: '/',
    maxAge: config.SESSION_TTL_HOURS * 3600,
  };
}

/**
 * Reads the session token. The header is parsed here rather than by a cookie-plugin hook, because
 * the access hook is installed first and runs before any later onRequest hook.
 */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return request.server.parseCookie(header)[SESSION_COOKIE] || undefined;
}

/**
 * The key in `Authorization: App <key>`, or in `Basic base64(anything:key)` as Infobip also
 * accepts; undefined for any other scheme.
 */
export function readApiKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const space = authorization.indexOf(' ');
  if (space < 0) return undefined;
  const scheme = authorization.slice(0, space).toLowerCase();
  const value = authorization.slice(space + 1).trim();
  if (scheme === 'app') return value || undefined;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) || undefined : undefined;
  }
  return undefined;
}

/**
 * Resolves the caller. An `Authorization` header, when present, is the only credential looked at
 * (an integrator's request is never upgraded by a stray cookie); otherwise the session cookie.
 */
export function createAuthenticator(ctx: AppContext): Authenticate {
  const { db, config } = ctx;
  return async (request): Promise<Principal | null> => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const key = readApiKey(authorization);
      if (!key) return null;
      const apiKey = await findLiveApiKey(db.orm, sha256(key));
      if (!apiKey) return null;
      const now = new Date();
      const staleBefore = new Date(now.getTime() - API_KEY_TOUCH_AFTER_MS);
      if (!apiKey.lastUsedAt || apiKey.lastUsedAt < staleBefore) {
        await touchApiKey(db.orm, apiKey.id, now, staleBefore);
      }
      return { kind: 'api-key', apiKeyId: apiKey.id };
    }

    const token = readSessionToken(request);
    if (!token) return null;
    const now = new Date();
    const session = await findLiveSession(db.orm, sha256(token), now);
    if (!session) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_AFTER_MS) {
      await touchSession(
        db.orm,
        session.sessionId,
        now,
        new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000),
      );
    }
    return {
      kind: 'user',
      userId: session.userId,
      roles: session.roles,
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    };
  };
}

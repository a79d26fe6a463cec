import type { Access, Role } from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** Who is calling: a signed-in user (cookie session) or an integrator (API key). */
export type Principal =
  | { kind: 'user'; userId: string; roles: Role[]; sessionId: string; csrfToken: string }
  | { kind: 'api-key'; apiKeyId: string };

/** Resolves the caller from the request (session cookie or `Authorization`); null when anonymous. */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Required on every route (see access.test.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Does a user with these roles satisfy the access level? Roles combine; admin is not implicitly
 * agent, so an admin-only user reaches the shell (`user`) but not conversation work (`agent`).
 * Supervisors oversee conversations, so they satisfy `agent` too.
 */
export function rolesSatisfy(roles: readonly Role[], access: Access): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'user':
      return roles.length > 0;
    case 'agent':
      return roles.includes('agent') || roles.includes('supervisor');
    case 'supervisor':
      return roles.includes('supervisor');
    case 'admin':
      return roles.includes('admin');
    case 'api-key':
      return false;
  }
}

/** Routes registered without `config.access` are collected here so a test can fail on them. */
export const routesWithoutAccess: string[] = [];

/**
 * Installs access control: every route must declare `config.access`; requests are authenticated
 * and checked before validation; cookie-authenticated writes must carry the CSRF token.
 */
export function installAccessControl(app: FastifyInstance, authenticate: Authenticate): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access && route.method !== 'HEAD') {
      routesWithoutAccess.push(`${String(route.method)} ${route.url}`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === 'public') return;
    if (!access) {
      // Not-found and other framework routes have no access declared; let them answer.
      if (request.routeOptions.url === undefined) return;
      throw new AppError('forbidden', 403, 'Route declares no access');
    }
    const principal = await authenticate(request);
    if (!principal) throw new AppError('unauthenticated', 401, 'Sign in or send a valid API key');
    request.principal = principal;
    if (principal.kind === 'api-key') {
      if (access !== 'api-key') throw new AppError('forbidden', 403, 'API keys cannot call this route');
      return;
    }
    if (access === 'api-key') throw new AppError('forbidden', 403, 'This route needs an API key');
    if (!rolesSatisfy(principal.roles, access)) {
      throw new AppError('forbidden', 403, `This needs the ${access} role`);
    }
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== principal.csrfToken) {
      throw new AppError('csrf_token_invalid', 403, 'Missing or wrong x-csrf-token header');
    }
  });
}

/** The signed-in user of a route declared `user`/`agent`/`supervisor`/`admin`. */
export function currentUser(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const p = request.principal;
  if (p?.kind !== 'user') throw new AppError('unauthenticated', 401, 'Sign in first');
  return p;
}

import {
  FirstAdminRequest,
  LoginRequest,
  SessionResponse,
  SetAvailabilityRequest,
  SetupStatus,
  TeamList,
  User,
} from '@parley/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { currentUser } from '../../platform/http/access.ts';
import { createFirstAdmin, login, logout, type StartedSession } from './auth.service.ts';
import { readSessionToken, SESSION_COOKIE, sessionCookieOptions } from './authenticate.ts';
import { changeOwnAvailability } from './availability.service.ts';
import { presentTeamMember, presentUser } from './users.presenter.ts';
import { findUserById, hasAnyUser, listEnabledUsers } from './users.repo.ts';

function clientMeta(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

function signIn(reply: FastifyReply, ctx: AppContext, started: StartedSession): SessionResponse {
  reply.setCookie(SESSION_COOKIE, started.token, sessionCookieOptions(ctx.config));
  return { user: presentUser(started.user), csrfToken: started.csrfToken };
}

/** Setup, sign-in, session, own availability and the team board. */
export async function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/setup',
    { config: { access: 'public' }, schema: { response: { 200: SetupStatus } } },
    async () => ({ needsFirstAdmin: !(await hasAnyUser(ctx.db.orm)) }),
  );

  r.post(
    '/api/setup/first-admin',
    { config: { access: 'public' }, schema: { body: FirstAdminRequest, response: { 201: SessionResponse } } },
    async (request, reply) => {
      const started = await createFirstAdmin(ctx, request.body, clientMeta(request));
      return reply.status(201).send(signIn(reply, ctx, started));
    },
  );

  r.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { body: LoginRequest, response: { 200: SessionResponse } } },
    async (request, reply) => signIn(reply, ctx, await login(ctx, request.body, clientMeta(request))),
  );

  r.post('/api/auth/logout', { config: { access: 'user' } }, async (request, reply) => {
    const me = currentUser(request);
    await logout(ctx, me.userId, me.sessionId);
    reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(ctx.config), maxAge: 0 });
    return reply.status(204).send();
  });

  r.get(
    '/api/auth/session',
    { config: { access: 'user' }, schema: { response: { 200: SessionResponse } } },
    async (request, reply) => {
      const me = currentUser(request);
      const user = await findUserById(ctx.db.orm, me.userId);
      if (!user) throw notFound('User');
      // Renew the cookie's lifetime along with the sliding session, so an active user stays signed in.
      const token = readSessionToken(request);
      if (token) reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx.config));
      return { user: presentUser(user), csrfToken: me.csrfToken };
    },
  );

  r.put(
    '/api/me/availability',
    { config: { access: 'user' }, schema: { body: SetAvailabilityRequest, response: { 200: User } } },
    async (request) => {
      const me = currentUser(request);
      return presentUser(await changeOwnAvailability(ctx.events, me.userId, request.body.availability));
    },
  );

  r.get('/api/team', { config: { access: 'user' }, schema: { response: { 200: TeamList } } }, async () => ({
    items: (await listEnabledUsers(ctx.db.orm)).map(presentTeamMember),
  }));
}

import {
  ApiKeyList,
  CreateApiKeyRequest,
  CreatedApiKey,
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserList,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { currentUser } from '../../platform/http/access.ts';
import { listApiKeys } from './api-keys.repo.ts';
import { createApiKey, revokeApiKeyById } from './api-keys.service.ts';
import { presentApiKey, presentUser } from './users.presenter.ts';
import { listUsers } from './users.repo.ts';
import { createUser, resetUserPassword, updateUser } from './users.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** Admin screens: users and API keys. */
export async function registerUsersAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', { config: { access: 'admin' }, schema: { response: { 200: UserList } } }, async () => ({
    items: (await listUsers(ctx.db.orm)).map(presentUser),
  }));

  r.post(
    '/api/users',
    { config: { access: 'admin' }, schema: { body: CreateUserRequest, response: { 201: User } } },
    async (request, reply) => reply.status(201).send(presentUser(await createUser(ctx.events, request.body))),
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access: 'admin' },
      schema: { params: IdParams, body: UpdateUserRequest, response: { 200: User } },
    },
    async (request) => presentUser(await updateUser(ctx.events, request.params.id, request.body)),
  );

  r.post(
    '/api/users/:id/password',
    { config: { access: 'admin' }, schema: { params: IdParams, body: ResetPasswordRequest } },
    async (request, reply) => {
      await resetUserPassword(ctx.events, request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/api-keys',
    { config: { access: 'admin' }, schema: { response: { 200: ApiKeyList } } },
    async () => ({ items: (await listApiKeys(ctx.db.orm)).map(presentApiKey) }),
  );

  r.post(
    '/api/api-keys',
    { config: { access: 'admin' }, schema: { body: CreateApiKeyRequest, response: { 201: CreatedApiKey } } },
    async (request, reply) => {
      const created = await createApiKey(ctx.events, request.body.name, currentUser(request).userId);
      return reply.status(201).send({ apiKey: presentApiKey(created.row), key: created.key });
    },
  );

  r.delete(
    '/api/api-keys/:id',
    { config: { access: 'admin' }, schema: { params: IdParams } },
    async (request, reply) => {
      await revokeApiKeyById(ctx.events, request.params.id);
      return reply.status(204).send();
    },
  );
}

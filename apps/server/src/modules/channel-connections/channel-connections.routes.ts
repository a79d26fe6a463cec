import {
  ChannelConnection,
  ChannelConnectionList,
  ChannelSenderList,
  ConnectionTestResult,
  CreateChannelConnectionRequest,
  UpdateChannelConnectionRequest,
} from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { presentConnection, presentSender } from './channel-connections.presenter.ts';
import { findConnectionById, listConnections, listEnabledConnections } from './channel-connections.repo.ts';
import {
  type ConnectionWrite,
  createConnection,
  disableConnection,
  testConnection,
  updateConnection,
} from './channel-connections.service.ts';

const IdParams = z.object({ id: z.uuid() });

/**
 * Admin screens: provider connections (channel, sender, settings) and the webhook to configure;
 * plus, for agents, the senders they can start a conversation on.
 */
export async function registerChannelConnectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Behind a proxy the admin's own request tells where the provider can reach us, unless PUBLIC_URL says.
  const origin = (request: FastifyRequest) =>
    ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

  // After a write the provider must know about (new, settings, secret, re-enabled), its check runs
  // at once (Telegram: setWebhook) and the answer carries the result.
  async function presentWrite(request: FastifyRequest, write: ConnectionWrite): Promise<ChannelConnection> {
    const test = write.needsTest ? await testConnection(ctx, write, origin(request)) : undefined;
    return presentConnection(write, origin(request), { webhookSecret: write.webhookSecret, test });
  }

  r.get(
    '/api/channel-connections',
    { config: { access: 'admin' }, schema: { response: { 200: ChannelConnectionList } } },
    async (request) => ({
      items: (await listConnections(ctx.db.orm)).map((row) => presentConnection(row, origin(request))),
    }),
  );

  // Agents start conversations ("+") on these. A static path: the router prefers it to /:id.
  r.get(
    '/api/channel-connections/senders',
    { config: { access: 'agent' }, schema: { response: { 200: ChannelSenderList } } },
    async () => ({
      items: (await listEnabledConnections(ctx.db.orm)).map(presentSender),
    }),
  );

  r.get(
    '/api/channel-connections/:id',
    { config: { access: 'admin' }, schema: { params: IdParams, response: { 200: ChannelConnection } } },
    async (request) => {
      const row = await findConnectionById(ctx.db.orm, request.params.id);
      if (!row) throw notFound('Channel connection');
      return presentConnection(row, origin(request));
    },
  );

  r.post(
    '/api/channel-connections',
    {
      config: { access: 'admin' },
      schema: { body: CreateChannelConnectionRequest, response: { 201: ChannelConnection } },
    },
    async (request, reply) => {
      const created = await createConnection(ctx.events, request.body);
      return reply.status(201).send(await presentWrite(request, created));
    },
  );

  r.patch(
    '/api/channel-connections/:id',
    {
      config: { access: 'admin' },
      schema: {
        params: IdParams,
        body: UpdateChannelConnectionRequest,
        response: { 200: ChannelConnection },
      },
    },
    async (request) =>
      presentWrite(request, await updateConnection(ctx.events, request.params.id, request.body)),
  );

  // The admin's "Test": credentials and webhook registration at the provider, now.
  r.post(
    '/api/channel-connections/:id/test',
    {
      config: { access: 'admin' },
      schema: { params: IdParams, response: { 200: ConnectionTestResult } },
    },
    async (request) => {
      const row = await findConnectionById(ctx.db.orm, request.params.id);
      if (!row) throw notFound('Channel connection');
      const result = await testConnection(ctx, row, origin(request));
      if (!result) throw new AppError('conflict', 409, `${row.provider} connections have no test`);
      return result;
    },
  );

  r.delete(
    '/api/channel-connections/:id',
    { config: { access: 'admin' }, schema: { params: IdParams } },
    async (request, reply) => {
      await disableConnection(ctx.events, request.params.id);
      return reply.status(204).send();
    },
  );
}

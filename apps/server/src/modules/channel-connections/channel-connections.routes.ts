import {
  ChannelConnection,
  ChannelConnectionList,
  ChannelSenderList,
  CreateChannelConnectionRequest,
  UpdateChannelConnectionRequest,
} from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { presentConnection, presentSender } from './channel-connections.presenter.ts';
import { findConnectionById, listConnections, listEnabledConnections } from './channel-connections.repo.ts';
import { createConnection, disableConnection, updateConnection } from './channel-connections.service.ts';

const IdParams = z.object({ id: z.uuid() });

/**
 * Admin screens: provider connections (channel, sender, credentials) and the webhook to configure;
 * plus, for agents, the senders they can start a conversation on.
 */
export async function registerChannelConnectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Behind a proxy the admin's own request tells where the provider can reach us, unless PUBLIC_URL says.
  const origin = (request: FastifyRequest) =>
    ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

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
      return reply.status(201).send(presentConnection(created, origin(request), created.webhookSecret));
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
    async (request) => {
      const updated = await updateConnection(ctx.events, request.params.id, request.body);
      return presentConnection(updated, origin(request), updated.webhookSecret);
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

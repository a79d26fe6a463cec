import {
  CreateQueueRequest,
  Queue,
  QueueList,
  QueueSettingsResponse,
  SetQueueMembersRequest,
  UpdateQueueRequest,
  UpdateQueueSettingsRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { currentUser } from '../../platform/http/access.ts';
import { personActor } from '../conversations/conversations.policy.ts';
import { presentQueueSettings, updateQueueSettings } from './queue-settings.service.ts';
import { presentQueue, presentQueues } from './queues.presenter.ts';
import { findQueueById, listQueues } from './queues.repo.ts';
import {
  createQueue,
  deleteQueue,
  ensureDefaultQueue,
  renameQueue,
  setQueueMembers,
} from './queues.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** D4 queues: supervisors manage them and their members; agents list the queues they see. */
export async function registerQueuesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/queues',
    { config: { access: 'agent' }, schema: { response: { 200: QueueList } } },
    async (request) => {
      const user = currentUser(request);
      await ensureDefaultQueue(ctx.db.orm);
      const queues = await presentQueues(ctx.db.orm, await listQueues(ctx.db.orm));
      // D4: agents see the queues they belong to plus the Default queue while it is open to every
      // agent; supervisors see all.
      const items = user.roles.includes('supervisor')
        ? queues
        : queues.filter((q) => q.openToAllAgents || q.memberIds.includes(user.userId));
      return { items };
    },
  );

  r.post(
    '/api/queues',
    { config: { access: 'supervisor' }, schema: { body: CreateQueueRequest, response: { 201: Queue } } },
    async (request, reply) => {
      const queue = await createQueue(ctx.events, request.body.name);
      return reply.status(201).send(await presentQueue(ctx.db.orm, queue));
    },
  );

  r.patch(
    '/api/queues/:id',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: UpdateQueueRequest, response: { 200: Queue } },
    },
    async (request) =>
      presentQueue(ctx.db.orm, await renameQueue(ctx.events, request.params.id, request.body.name)),
  );

  r.delete(
    '/api/queues/:id',
    { config: { access: 'supervisor' }, schema: { params: IdParams } },
    async (request, reply) => {
      const user = currentUser(request);
      await deleteQueue(ctx.events, personActor({ id: user.userId, roles: user.roles }), request.params.id);
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/queues/:id/members',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, body: SetQueueMembersRequest, response: { 200: Queue } },
    },
    async (request) => {
      await setQueueMembers(ctx.events, request.params.id, request.body.userIds);
      const queue = await findQueueById(ctx.db.orm, request.params.id);
      if (!queue) throw notFound('Queue');
      return presentQueue(ctx.db.orm, queue);
    },
  );

  r.get(
    '/api/queues/:id/settings',
    {
      config: { access: 'supervisor' },
      schema: { params: IdParams, response: { 200: QueueSettingsResponse } },
    },
    async (request) => {
      const queue = await findQueueById(ctx.db.orm, request.params.id);
      if (!queue) throw notFound('Queue');
      return presentQueueSettings(queue);
    },
  );

  r.patch(
    '/api/queues/:id/settings',
    {
      config: { access: 'supervisor' },
      schema: {
        params: IdParams,
        body: UpdateQueueSettingsRequest,
        response: { 200: QueueSettingsResponse },
      },
    },
    async (request) =>
      presentQueueSettings(await updateQueueSettings(ctx.events, request.params.id, request.body)),
  );
}

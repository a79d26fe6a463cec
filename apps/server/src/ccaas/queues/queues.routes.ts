import {
  CcaasCreateQueueRequest,
  CcaasQueue,
  CcaasQueueListQuery,
  CcaasQueuePage,
  CcaasStatusResponse,
  CcaasUpdateQueueRequest,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updateQueueSettings } from '../../modules/queues/queue-settings.service.ts';
import { createQueue, deleteQueue } from '../../modules/queues/queues.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { actingActor } from '../acting-agent.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { presentCcaasQueue, presentCcaasQueues } from './queues.presenter.ts';
import { listQueuePage, QUEUE_ORDER_FIELDS } from './queues.repo.ts';
import { findQueueOrFail, updateQueueFromApi } from './queues.service.ts';

const QueueParams = z.object({ queueId: z.string() });
const access = 'api-key' as const;

/** `/ccaas/1/queues`: the D4 queues. */
export async function registerQueueRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  r.get(
    '/queues',
    { config: { access }, schema: { querystring: CcaasQueueListQuery, response: { 200: CcaasQueuePage } } },
    async (request) => {
      const page = parsePage(request.query, QUEUE_ORDER_FIELDS);
      const { rows, total } = await listQueuePage(db.orm, request.query, page);
      return { queues: await presentCcaasQueues(db.orm, rows), pagination: paginationOf(page, total) };
    },
  );

  r.post(
    '/queues',
    { config: { access }, schema: { body: CcaasCreateQueueRequest, response: { 200: CcaasQueue } } },
    async (request) => {
      const queue = await createQueue(events, request.body.name);
      const autoAssign = request.body.isAutoAssignmentEnabled;
      const row = autoAssign ? await updateQueueSettings(events, queue.id, { autoAssign }) : queue;
      return presentCcaasQueue(db.orm, row);
    },
  );

  r.put(
    '/queues/:queueId',
    {
      config: { access },
      schema: {
        description:
          'Renames a queue (the Default queue keeps its name) and changes its automatic assignment; settings Parley does not have must be off or null.',
        params: QueueParams,
        body: CcaasUpdateQueueRequest,
        response: { 200: CcaasQueue },
      },
    },
    async (request) =>
      presentCcaasQueue(
        db.orm,
        await updateQueueFromApi(events, db.orm, request.params.queueId, request.body),
      ),
  );

  r.delete(
    '/queues/:queueId',
    {
      config: { access },
      schema: {
        description:
          'Deletes a queue: its open conversations move to the Default queue. The Default queue cannot be deleted.',
        params: QueueParams,
        response: { 200: CcaasStatusResponse },
      },
    },
    async (request) => {
      const queue = await findQueueOrFail(db.orm, request.params.queueId);
      await deleteQueue(events, await actingActor(request, db.orm), queue.id);
      return { statusCode: 'SUCCESS' as const, message: 'Queue deleted successfully.' };
    },
  );
}

import { AgentCapacity, AgentCapacityList, SetAgentCapacityRequest } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { listAgentCapacities, setAgentCapacity } from './capacities.service.ts';

const UserParams = z.object({ userId: z.uuid() });

/** Supervisors read and override agents' capacities for automatic assignment (D1, D4). */
export async function registerAssignmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/agent-capacities',
    { config: { access: 'supervisor' }, schema: { response: { 200: AgentCapacityList } } },
    async () => ({ items: await listAgentCapacities(ctx.db.orm) }),
  );

  r.put(
    '/api/agent-capacities/:userId',
    {
      config: { access: 'supervisor' },
      schema: { params: UserParams, body: SetAgentCapacityRequest, response: { 200: AgentCapacity } },
    },
    async (request) => {
      await setAgentCapacity(ctx.events, request.params.userId, request.body.capacity);
      const item = (await listAgentCapacities(ctx.db.orm)).find((c) => c.userId === request.params.userId);
      if (!item) throw notFound('Agent');
      return item;
    },
  );
}

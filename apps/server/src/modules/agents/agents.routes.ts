import { AgentList } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { listAgents } from './agents.queries.ts';

/** Agents with status and current load, for the assignee picker and the supervisor's overview. */
export async function registerAgentsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/agents',
    { config: { access: 'agent' }, schema: { response: { 200: AgentList } } },
    async () => ({
      items: await listAgents(ctx.db.orm),
    }),
  );
}

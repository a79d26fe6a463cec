import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerAssignmentHandlers } from './assignment.handlers.ts';
import { registerAssignmentRoutes } from './assignment.routes.ts';

/** D4 automatic assignment (event-driven) and agents' capacities. Register after routing. */
export async function registerAssignmentModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerAssignmentHandlers(ctx);
  await registerAssignmentRoutes(app, ctx);
}

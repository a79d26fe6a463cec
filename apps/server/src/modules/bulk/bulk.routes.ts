import { BulkActionRequest, BulkActionResult } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { callerOf } from '../conversations/conversations-write.routes.ts';
import { applyBulkAction } from './bulk.service.ts';
import { resolveFilterIds } from './bulk-selection.ts';

/** D5 bulk actions of ALL WORK: reassign, priority, status and queue of a selection or of all matching. */
export async function registerBulkRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/conversations/bulk',
    { config: { access: 'agent' }, schema: { body: BulkActionRequest, response: { 200: BulkActionResult } } },
    async (request) => {
      const { viewer, actor } = callerOf(request);
      const body = request.body;
      const ids = 'ids' in body ? body.ids : await resolveFilterIds(ctx.db.orm, body.filter, viewer);
      return applyBulkAction({ orm: ctx.db.orm, events: ctx.events }, viewer, actor, ids, body.action);
    },
  );
}

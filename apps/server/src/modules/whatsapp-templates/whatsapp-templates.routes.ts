import {
  SyncWhatsAppTemplatesRequest,
  WhatsAppTemplateList,
  WhatsAppTemplateListQuery,
  WhatsAppTemplateSyncList,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { syncWhatsAppTemplates } from '../../channels/infobip/template-sync.ts';
import type { AppContext } from '../../platform/context.ts';
import { currentUser } from '../../platform/http/access.ts';
import { enforceCanSync } from './whatsapp-templates.policy.ts';
import { presentSyncState, presentWhatsAppTemplate } from './whatsapp-templates.presenter.ts';
import { listSyncStates, listWhatsAppTemplateRows } from './whatsapp-templates.repo.ts';

/**
 * D7 WhatsApp pre-registered templates: agents list them (the composer's picker), supervisors and
 * admins see how each connection's registry synchronisation went and run it now.
 */
export async function registerWhatsAppTemplateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/whatsapp-templates',
    {
      config: { access: 'agent' },
      schema: { querystring: WhatsAppTemplateListQuery, response: { 200: WhatsAppTemplateList } },
    },
    async (request) => {
      const rows = await listWhatsAppTemplateRows(ctx.db.orm, request.query);
      return { items: rows.map(presentWhatsAppTemplate) };
    },
  );

  r.get(
    '/api/whatsapp-templates/syncs',
    { config: { access: 'user' }, schema: { response: { 200: WhatsAppTemplateSyncList } } },
    async (request) => {
      enforceCanSync(currentUser(request).roles);
      const rows = await listSyncStates(ctx.db.orm);
      return { items: rows.map(presentSyncState) };
    },
  );

  // Waits for the registry: the supervisor sees the outcome of each connection right away.
  r.post(
    '/api/whatsapp-templates/sync',
    {
      config: { access: 'user' },
      schema: { body: SyncWhatsAppTemplatesRequest, response: { 200: WhatsAppTemplateSyncList } },
    },
    async (request) => {
      enforceCanSync(currentUser(request).roles);
      await syncWhatsAppTemplates(ctx, request.body.connectionId);
      const rows = await listSyncStates(ctx.db.orm);
      return { items: rows.map(presentSyncState) };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerWhatsAppTemplateRoutes } from './whatsapp-templates.routes.ts';

/** D7 WhatsApp pre-registered templates, synchronised from the provider's registry. */
export async function registerWhatsAppTemplatesModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerWhatsAppTemplateRoutes(app, ctx);
}

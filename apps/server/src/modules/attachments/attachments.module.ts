import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerAttachmentRoutes } from './attachments.routes.ts';

/** Files of messages: uploads, authorised downloads, signed public URLs for providers. */
export async function registerAttachmentsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerAttachmentRoutes(app, ctx);
}

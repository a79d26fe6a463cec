import type { FastifyInstance } from 'fastify';
import type { InboundEventsProcessor } from '../../modules/messages/inbound-events.processor.ts';
import type { AppContext } from '../../platform/context.ts';
import { registerInfobipSendJob } from './outbound.jobs.ts';
import { registerInfobipWebhook } from './webhook.routes.ts';

/** The Infobip Messages API channel: its webhook in, its send job out. */
export async function registerInfobipModule(
  app: FastifyInstance,
  ctx: AppContext,
  processor: InboundEventsProcessor,
): Promise<void> {
  registerInfobipSendJob(ctx);
  await registerInfobipWebhook(app, ctx, processor);
}

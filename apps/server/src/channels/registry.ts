import { type Channel, CONNECTION_CHANNELS } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { createInboundEventsProcessor } from '../modules/messages/inbound-events.processor.ts';
import type { AppContext } from '../platform/context.ts';
import { registerInfobipModule } from './infobip/infobip.module.ts';
import { mapWebhookPayload } from './infobip/mapper.ts';
import { enqueueInfobipSend } from './infobip/outbound.jobs.ts';
import { registerSandboxModule } from './sandbox/sandbox.module.ts';

const CONNECTION_CHANNEL_SET = new Set<Channel>(CONNECTION_CHANNELS);

/**
 * Wires the provider channels: one processor for every stored webhook body (each provider brings
 * its mapper), each provider's routes and jobs, and the outbound hand-off of agent replies.
 */
export async function registerChannels(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Half the pool: processing is latency-bound (many short queries per message), and the other
  // half stays free for webhook acknowledgements and API requests.
  const processor = createInboundEventsProcessor(
    ctx,
    { infobip: mapWebhookPayload },
    { concurrency: Math.max(1, Math.floor(ctx.config.DB_POOL_SIZE / 2)) },
  );
  await registerInfobipModule(app, ctx, processor);
  await registerSandboxModule(app, ctx);

  // Replies on connection channels go out through the connection of their channel and sender;
  // Infobip is the one provider carrying those channels today. Other channels send their own way.
  ctx.events.on('message.created', async (event) => {
    const { messageId, channel } = event.payload as { messageId: string; channel: Channel };
    if (CONNECTION_CHANNEL_SET.has(channel)) await enqueueInfobipSend(ctx, messageId);
  });

  // Processing is background work like jobs: a process started with JOBS_ENABLED=false only
  // acknowledges webhooks and leaves the stored events to the processes that run workers.
  app.addHook('onReady', async () => {
    if (ctx.config.JOBS_ENABLED) processor.start();
  });
  app.addHook('onClose', async () => processor.stop());
}

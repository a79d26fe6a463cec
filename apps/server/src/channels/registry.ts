import type { FastifyInstance } from 'fastify';
import {
  createInboundEventsProcessor,
  type InboundEventMapper,
} from '../modules/messages/inbound-events.processor.ts';
import { insertInboundEvent } from '../modules/messages/inbound-events.repo.ts';
import { registerSimulatorModule } from '../modules/simulator/simulator.routes.ts';
import type { AppContext } from '../platform/context.ts';
import type { InboundSink } from './adapter.ts';
import { CHANNEL_ADAPTERS, toAdapterConnection } from './adapters.ts';
import { createConnectionCache } from './connection-cache.ts';
import { registerOutbound } from './outbound.jobs.ts';
import { registerSandboxModule } from './sandbox/sandbox.module.ts';
import { registerTypingRoute } from './typing.routes.ts';

/**
 * Wires the provider channels: every adapter's routes and listeners, one processor for every stored
 * raw event (each adapter maps its own), and one outbound send job for every channel.
 */
export async function registerChannels(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const connectionOf = createConnectionCache(ctx);
  const mappers: Record<string, InboundEventMapper> = {};
  for (const adapter of CHANNEL_ADAPTERS) {
    const { mapInbound } = adapter;
    if (!mapInbound) continue;
    mappers[adapter.provider] = async (connectionId, payload) => {
      const row = await connectionOf(connectionId);
      if (!row) throw new Error(`Connection ${connectionId} not found`);
      return mapInbound(payload, toAdapterConnection(row, adapter), ctx);
    };
  }
  // Half the pool: processing is latency-bound (many short queries per message), and the other
  // half stays free for webhook acknowledgements and API requests.
  const processor = createInboundEventsProcessor(ctx, mappers, {
    concurrency: Math.max(1, Math.floor(ctx.config.DB_POOL_SIZE / 2)),
  });
  const inbound: InboundSink = {
    async store(connectionId, payload) {
      await insertInboundEvent(ctx.db, connectionId, payload);
      processor.kick();
    },
  };
  for (const adapter of CHANNEL_ADAPTERS) await adapter.register?.(app, ctx, inbound);
  await registerSandboxModule(app, ctx);
  await registerSimulatorModule(app, ctx, inbound);
  await registerTypingRoute(app, ctx);
  const outbound = registerOutbound(ctx);

  // Processing is background work like jobs: a process started with JOBS_ENABLED=false only
  // acknowledges webhooks and leaves the stored events to the processes that run workers.
  app.addHook('onReady', async () => {
    if (!ctx.config.JOBS_ENABLED) return;
    processor.start();
    outbound.start();
  });
  app.addHook('onClose', async () => {
    outbound.stop();
    await processor.stop();
  });
}

import {
  SimulateMessageRequest,
  SimulatorConnectionList,
  SimulatorTranscript,
  SimulatorTranscriptQuery,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { InboundSink } from '../../channels/adapter.ts';
import type { AppContext } from '../../platform/context.ts';
import { listSimulatorConnections, simulateMessage, simulatorTranscript } from './simulator.service.ts';
import { registerWidgetDemoPage } from './widget-demo.routes.ts';

/**
 * Supervisors play customers (docs/simulator.md#who): the transcripts and the customer picker show
 * any customer's messages, which D4 lets only supervisors see (an admin is not an agent).
 */
const access = { access: 'supervisor' } as const;

/** Customer simulator: play a customer on a configured connection through its real inbound path. */
export async function registerSimulatorModule(
  app: FastifyInstance,
  ctx: AppContext,
  inbound: InboundSink,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await registerWidgetDemoPage(app, ctx);

  r.get(
    '/api/simulator/connections',
    { config: access, schema: { response: { 200: SimulatorConnectionList } } },
    async () => listSimulatorConnections(ctx),
  );

  r.get(
    '/api/simulator/transcript',
    {
      config: access,
      schema: { querystring: SimulatorTranscriptQuery, response: { 200: SimulatorTranscript } },
    },
    async (request) => simulatorTranscript(ctx, request.query),
  );

  // 202: the message is stored like a provider's webhook call; processing follows in the background.
  r.post(
    '/api/simulator/messages',
    { config: access, schema: { body: SimulateMessageRequest } },
    async (request, reply) => {
      await simulateMessage(ctx, inbound, request.body);
      return reply.status(202).send();
    },
  );
}

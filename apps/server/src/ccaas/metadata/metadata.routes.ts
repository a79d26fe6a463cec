import { CcaasConversationParams, CcaasMetadata, CcaasStatusResponse } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actingActor } from '../acting-agent.ts';
import { findConversationOr404 } from '../conversations/conversation-lookup.ts';
import { writeConversationMetadata } from './metadata.service.ts';

const access = { access: 'api-key' } as const;
const success = (message: string) => ({ statusCode: 'SUCCESS' as const, message });

/** `/conversations/{id}/metadata`: get, replace (PUT), merge (PATCH) and delete. */
export async function registerMetadataRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;
  const path = '/conversations/:conversationId/metadata';

  app.get(
    path,
    {
      config: access,
      schema: { params: CcaasConversationParams, response: { 200: z.record(z.string(), z.unknown()) } },
    },
    async (request) => (await findConversationOr404(db.orm, request.params.conversationId)).metadata ?? {},
  );

  // PUT replaces the metadata, PATCH merges into it; both answer the reference's status message.
  const writes = [
    { method: 'PUT', mode: 'replace', message: 'Metadata added to conversation successfully.' },
    { method: 'PATCH', mode: 'merge', message: 'Metadata patch to conversation successfully.' },
  ] as const;
  for (const { method, mode, message } of writes) {
    app.route({
      method,
      url: path,
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasMetadata,
        response: { 200: CcaasStatusResponse },
      },
      handler: async (request) => {
        const conv = await findConversationOr404(db.orm, request.params.conversationId);
        const actor = await actingActor(request, db.orm);
        await writeConversationMetadata(
          events,
          actor,
          conv.id,
          mode === 'replace' ? { replace: request.body } : { merge: request.body },
        );
        return success(message);
      },
    });
  }

  app.delete(
    path,
    { config: access, schema: { params: CcaasConversationParams, response: { 200: CcaasStatusResponse } } },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      await writeConversationMetadata(events, await actingActor(request, db.orm), conv.id, null);
      return success('Metadata deleted successfully.');
    },
  );
}

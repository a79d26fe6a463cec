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

  app.put(
    path,
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasMetadata,
        response: { 200: CcaasStatusResponse },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      await writeConversationMetadata(events, await actingActor(request, db.orm), conv.id, {
        replace: request.body,
      });
      return success('Metadata added to conversation successfully.');
    },
  );

  app.patch(
    path,
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: CcaasMetadata,
        response: { 200: CcaasStatusResponse },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      await writeConversationMetadata(events, await actingActor(request, db.orm), conv.id, {
        merge: request.body,
      });
      return success('Metadata patch to conversation successfully.');
    },
  );

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

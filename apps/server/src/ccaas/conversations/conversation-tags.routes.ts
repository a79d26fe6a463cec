import { CcaasConversationParams, CcaasStatusResponse, LIMITS } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addConversationTag,
  removeConversationTag,
} from '../../modules/conversations/conversations.service.ts';
import type { TagRow } from '../../modules/tags/tags.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import { actingActor } from '../acting-agent.ts';
import { ccaasInvalidReference } from '../errors.ts';
import { findConversationTagByName } from '../tags/tags.query.ts';
import { findConversationOr404 } from './conversation-lookup.ts';

const access = { access: 'api-key' } as const;

/** The reference's wording for a tag name that is not in the catalogue. */
async function findTagOrFail(orm: Orm, name: string): Promise<TagRow> {
  const tag = await findConversationTagByName(orm, name);
  if (!tag) throw ccaasInvalidReference(`Invalid tagName '${name}' given! No such entity exists.`);
  return tag;
}

/** Adding and removing catalogue tags on a conversation, by tag name as the reference does. */
export async function registerConversationTagRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  app.post(
    '/conversations/:conversationId/tags',
    {
      config: access,
      schema: {
        params: CcaasConversationParams,
        body: z.object({ tagName: z.string().min(1).max(LIMITS.tagName) }),
        response: { 200: CcaasStatusResponse },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const tag = await findTagOrFail(db.orm, request.body.tagName);
      await addConversationTag(events, await actingActor(request, db.orm), conv.id, tag.id);
      return { statusCode: 'SUCCESS' as const, message: 'Tag added to conversation successfully.' };
    },
  );

  app.delete(
    '/conversations/:conversationId/tags/:tagName',
    {
      config: access,
      schema: {
        params: CcaasConversationParams.extend({ tagName: z.string() }),
        response: { 200: CcaasStatusResponse },
      },
    },
    async (request) => {
      const conv = await findConversationOr404(db.orm, request.params.conversationId);
      const tag = await findTagOrFail(db.orm, request.params.tagName);
      await removeConversationTag(events, await actingActor(request, db.orm), conv.id, tag.id);
      return { statusCode: 'SUCCESS' as const, message: 'Tag removed successfully.' };
    },
  );
}

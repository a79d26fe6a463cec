import {
  CCAAS_TAG_ORDER_FIELDS,
  CcaasCreateTagBody,
  CcaasStatusResponse,
  CcaasTag,
  CcaasTagListQuery,
  CcaasTagPage,
  toCcaasDateTime,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TagRow } from '../../modules/tags/tags.repo.ts';
import { createTag, deleteTag } from '../../modules/tags/tags.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { actingActor } from '../acting-agent.ts';
import { paginationOf, parsePage } from '../pagination.ts';
import { findConversationTagByName, findTagsPage } from './tags.query.ts';

const access = { access: 'api-key' } as const;

function toCcaasTag(tag: TagRow): CcaasTag {
  return {
    id: tag.id,
    name: tag.name,
    createdAt: toCcaasDateTime(tag.createdAt),
    updatedAt: toCcaasDateTime(tag.updatedAt),
  };
}

/** `/tags`: the conversation-tag catalogue (list, create, delete by name). */
export async function registerTagRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, events } = ctx;

  app.get(
    '/tags',
    { config: access, schema: { querystring: CcaasTagListQuery, response: { 200: CcaasTagPage } } },
    async (request) => {
      const page = parsePage(request.query, CCAAS_TAG_ORDER_FIELDS);
      const { conversationId, name } = request.query;
      // An id that cannot exist has no tags rather than failing the uuid comparison.
      const filter = {
        conversationId: conversationId && isUuid(conversationId) ? conversationId : undefined,
        name,
      };
      const { rows, total } =
        conversationId && !filter.conversationId
          ? { rows: [], total: 0 }
          : await findTagsPage(db.orm, filter, page);
      return { tags: rows.map(toCcaasTag), pagination: paginationOf(page, total) };
    },
  );

  app.post(
    '/tags',
    { config: access, schema: { body: CcaasCreateTagBody, response: { 200: CcaasTag } } },
    async (request) => {
      try {
        return toCcaasTag(await createTag(events, { name: request.body.name, kind: 'conversation' }));
      } catch (error) {
        // The reference's wording for a duplicate name.
        if (error instanceof AppError && error.code === 'conflict')
          throw new AppError('conflict', 400, 'Tag already exists.');
        throw error;
      }
    },
  );

  app.delete(
    '/tags/:tagName',
    {
      config: access,
      schema: { params: z.object({ tagName: z.string() }), response: { 200: CcaasStatusResponse } },
    },
    async (request) => {
      const tag = await findConversationTagByName(db.orm, request.params.tagName);
      if (!tag) {
        throw new AppError(
          'not_found',
          404,
          `Invalid tagName '${request.params.tagName}' given! No such entity exists.`,
        );
      }
      await deleteTag(events, await actingActor(request, db.orm), tag.id);
      return { statusCode: 'SUCCESS' as const, message: 'Tag deleted successfully.' };
    },
  );
}

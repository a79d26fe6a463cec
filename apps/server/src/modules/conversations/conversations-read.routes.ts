import {
  Conversation,
  ConversationListQuery,
  ConversationPage,
  MarkUnreadRequest,
  RecentlyViewedList,
  TimelinePage,
  TimelineQuery,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { currentUser } from '../../platform/http/access.ts';
import {
  presentConversation,
  presentConversationListItems,
  presentTimelineItems,
} from './conversations.presenter.ts';
import { listConversationIds, listRecentlyViewedIds, listTimelineKeys } from './conversations.queries.ts';
import { loadVisibleConversation } from './conversations.visibility.ts';
import { markConversationRead, markConversationUnread } from './read-state.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** The workspace's read side: lists, one conversation, its timeline, read state and Recently viewed. */
export async function registerConversationReadRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const agent = { access: 'agent' } as const;

  r.get(
    '/api/conversations',
    { config: agent, schema: { querystring: ConversationListQuery, response: { 200: ConversationPage } } },
    async (request) => {
      const viewer = currentUser(request);
      const page = await listConversationIds(ctx.db.orm, request.query, viewer);
      return {
        items: await presentConversationListItems(ctx.db, page.items, viewer.userId),
        nextCursor: page.nextCursor,
      };
    },
  );

  r.get(
    '/api/conversations/:id',
    { config: agent, schema: { params: IdParams, response: { 200: Conversation } } },
    async (request) => {
      const viewer = currentUser(request);
      const conv = await loadVisibleConversation(ctx, request.params.id, viewer);
      return presentConversation(ctx.db, conv.id, viewer.userId);
    },
  );

  r.get(
    '/api/conversations/:id/timeline',
    {
      config: agent,
      schema: { params: IdParams, querystring: TimelineQuery, response: { 200: TimelinePage } },
    },
    async (request) => {
      const viewer = currentUser(request);
      const conv = await loadVisibleConversation(ctx, request.params.id, viewer);
      const page = await listTimelineKeys(ctx.db.orm, conv.id, request.query.before, request.query.limit);
      return { items: await presentTimelineItems(ctx.db, page.items), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/conversations/:id/read',
    { config: agent, schema: { params: IdParams, response: { 200: Conversation } } },
    async (request) => {
      const viewer = currentUser(request);
      const conv = await loadVisibleConversation(ctx, request.params.id, viewer);
      await markConversationRead(ctx.events, viewer.userId, conv.id);
      return presentConversation(ctx.db, conv.id, viewer.userId);
    },
  );

  r.post(
    '/api/conversations/:id/unread',
    { config: agent, schema: { params: IdParams, body: MarkUnreadRequest, response: { 200: Conversation } } },
    async (request) => {
      const viewer = currentUser(request);
      const conv = await loadVisibleConversation(ctx, request.params.id, viewer);
      await markConversationUnread(ctx.events, viewer.userId, conv.id, request.body.messageId);
      return presentConversation(ctx.db, conv.id, viewer.userId);
    },
  );

  r.get(
    '/api/recently-viewed',
    { config: agent, schema: { response: { 200: RecentlyViewedList } } },
    async (request) => {
      const viewer = currentUser(request);
      const ids = await listRecentlyViewedIds(ctx.db.orm, viewer);
      return { items: await presentConversationListItems(ctx.db, ids, viewer.userId) };
    },
  );
}

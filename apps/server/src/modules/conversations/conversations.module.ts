import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerMessageRetryRoutes } from '../messages/message-retry.routes.ts';
import { registerMessageRoutes } from '../messages/messages.routes.ts';
import { registerReplyRouteRoutes } from '../messages/reply-routes.routes.ts';
import { registerConversationMergeRoutes } from './conversation-merge.routes.ts';
import { registerConversationsRealtime } from './conversations.realtime.ts';
import { registerConversationReadRoutes } from './conversations-read.routes.ts';
import { registerConversationWriteRoutes } from './conversations-write.routes.ts';

/** The workspace API of conversations (lists, timeline, read state, changes) and their realtime pushes. */
export async function registerConversationsModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerConversationsRealtime(ctx);
  await registerConversationReadRoutes(app, ctx);
  await registerConversationWriteRoutes(app, ctx);
  await registerMessageRoutes(app, ctx);
  await registerMessageRetryRoutes(app, ctx);
  await registerReplyRouteRoutes(app, ctx);
  await registerConversationMergeRoutes(app, ctx);
}

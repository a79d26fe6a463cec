import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { InboundSink } from '../adapter.ts';
import { registerLiveChatHandlers } from './livechat.handlers.ts';
import { createVisitorUploads, type VisitorUploads } from './uploads.ts';
import { registerVisitorApi } from './visitor-api.ts';
import { createVisitorHub, type VisitorHub } from './visitor-hub.ts';
import { registerWidgetScript } from './widget-script.routes.ts';
import { createWidgetDirectory } from './widgets.ts';

/** What the adapter's send and typing need of the running live-chat module. */
export interface LiveChat {
  hub: VisitorHub;
  uploads: VisitorUploads;
}

// One per app (tests build several in one process), found by the app's context.
const running = new WeakMap<AppContext, LiveChat>();

/** The live-chat module of this app; it exists once the adapter's register ran at start-up. */
export function liveChatOf(ctx: AppContext): LiveChat {
  const live = running.get(ctx);
  if (!live) throw new Error('The live-chat module is not registered');
  return live;
}

/** `widget.js`, the visitor API and socket, and the pushes to visitors after commit. */
export async function registerLiveChat(
  app: FastifyInstance,
  ctx: AppContext,
  inbound: InboundSink,
): Promise<void> {
  const hub = createVisitorHub(app, ctx);
  const uploads = createVisitorUploads(ctx);
  await registerWidgetScript(app);
  await registerVisitorApi(app, ctx, { widgets: createWidgetDirectory(ctx.db.orm), hub, uploads, inbound });
  registerLiveChatHandlers(ctx, hub, uploads.urls);
  running.set(ctx, { hub, uploads });
}

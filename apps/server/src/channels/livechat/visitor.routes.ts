import {
  LIMITS,
  SendVisitorMessageRequest,
  SendVisitorMessageResponse,
  StartVisitorSessionRequest,
  UploadAttachmentQuery,
  VisitorMessageList,
  VisitorMessagesQuery,
  VisitorReceiptRequest,
  VisitorSession,
  VisitorTypingRequest,
  VisitorUpload,
  WidgetConfig,
} from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { InboundSink } from '../adapter.ts';
import { type LiveChatInboundPayload, visitorLabel } from './inbound.ts';
import type { VisitorUploads } from './uploads.ts';
import { applyVisitorReceipt, relayVisitorTyping } from './visitor-chat.service.ts';
import type { VisitorHub } from './visitor-hub.ts';
import { enforceLimit, type VisitorLimits } from './visitor-limits.ts';
import { presentVisitorMessages } from './visitor-messages.presenter.ts';
import { listVisitorMessages, VISITOR_PAGE_SIZE } from './visitor-messages.repo.ts';
import { authenticateVisitor, startVisitorSession } from './visitor-sessions.service.ts';
import type { VisitorRow } from './visitors.repo.ts';
import type { Widget } from './widgets.ts';

export interface VisitorRouteDeps {
  widgetOf: (request: FastifyRequest) => Widget;
  limits: VisitorLimits;
  hub: VisitorHub;
  uploads: VisitorUploads;
  /** Stores a visitor's message for the inbound-events processor. */
  inbound: InboundSink;
}

const Params = z.object({ widgetId: z.string() });

/**
 * The visitor API of one widget (`/widget/1/:widgetId/…`, access `public`: the visitor token in
 * `Authorization: Bearer` is the credential). The scope around these routes has already checked
 * the widget and the page's origin (visitor-api.ts).
 */
export async function registerVisitorRoutes(app: FastifyInstance, ctx: AppContext, deps: VisitorRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orm } = ctx.db;
  const { widgetOf, limits } = deps;
  const visitorOf = async (request: FastifyRequest): Promise<{ widget: Widget; visitor: VisitorRow }> => {
    const widget = widgetOf(request);
    return {
      widget,
      visitor: await authenticateVisitor(orm, widget.connectionId, request.headers.authorization),
    };
  };
  const threadOf = (widget: Widget, visitor: VisitorRow) => ({
    widgetId: widget.widgetId,
    visitorId: visitor.id,
  });
  const publicRoute = { config: { access: 'public' as const } };

  r.get(
    '/widget/1/:widgetId/config',
    { ...publicRoute, schema: { params: Params, response: { 200: WidgetConfig } } },
    async (request, reply) => {
      enforceLimit(limits.config, request.ip, reply);
      const { widgetId, settings } = widgetOf(request);
      return {
        widgetId,
        title: settings.title,
        color: settings.color,
        preChatForm: settings.preChatForm,
        maxTextLength: LIMITS.messageText,
        maxAttachmentBytes: deps.uploads.maxBytes,
      };
    },
  );

  r.post(
    '/widget/1/:widgetId/sessions',
    {
      ...publicRoute,
      schema: { params: Params, body: StartVisitorSessionRequest, response: { 201: VisitorSession } },
    },
    async (request, reply) => {
      enforceLimit(limits.sessions, request.ip, reply);
      const widget = widgetOf(request);
      const { token, visitor } = await startVisitorSession(ctx.events, widget.connectionId, request.body);
      return reply
        .status(201)
        .send({ token, visitor: { id: visitor.id, name: visitor.name, email: visitor.email } });
    },
  );

  r.get(
    '/widget/1/:widgetId/messages',
    {
      ...publicRoute,
      schema: { params: Params, querystring: VisitorMessagesQuery, response: { 200: VisitorMessageList } },
    },
    async (request, reply) => {
      const { widget, visitor } = await visitorOf(request);
      enforceLimit(limits.reads, visitor.id, reply);
      const rows = await listVisitorMessages(orm, threadOf(widget, visitor), request.query.after);
      return {
        items: await presentVisitorMessages(rows, visitor.id, deps.uploads.urls),
        seenUpTo: visitor.seenUpToMessageId,
        hasMore: request.query.after !== undefined && rows.length === VISITOR_PAGE_SIZE,
      };
    },
  );

  r.post(
    '/widget/1/:widgetId/messages',
    {
      ...publicRoute,
      schema: {
        params: Params,
        body: SendVisitorMessageRequest,
        response: { 202: SendVisitorMessageResponse },
      },
    },
    async (request, reply) => {
      const { widget, visitor } = await visitorOf(request);
      enforceLimit(limits.messages, visitor.id, reply);
      const { clientId, text, attachmentId } = request.body;
      const attachment = attachmentId ? await deps.uploads.find(widget, visitor.id, attachmentId) : undefined;
      if (attachmentId && !attachment) throw notFound('Attachment');
      // Store, then acknowledge: the processor threads it (D2) like any channel's inbound message.
      const payload: LiveChatInboundPayload = {
        visitorId: visitor.id,
        clientId,
        receivedAt: new Date().toISOString(),
        customerName: visitor.name ?? visitorLabel(visitor.id),
        text,
        ...(attachment && { attachment }),
      };
      await deps.inbound.store(widget.connectionId, payload);
      return reply.status(202).send({ clientId });
    },
  );

  r.post(
    '/widget/1/:widgetId/typing',
    { ...publicRoute, schema: { params: Params, body: VisitorTypingRequest } },
    async (request, reply) => {
      const { widget, visitor } = await visitorOf(request);
      enforceLimit(limits.typing, visitor.id, reply);
      await relayVisitorTyping(ctx, threadOf(widget, visitor), request.body.typing);
      return reply.status(204).send();
    },
  );

  r.post(
    '/widget/1/:widgetId/receipts',
    { ...publicRoute, schema: { params: Params, body: VisitorReceiptRequest } },
    async (request, reply) => {
      const { widget, visitor } = await visitorOf(request);
      enforceLimit(limits.receipts, visitor.id, reply);
      await applyVisitorReceipt(ctx.events, threadOf(widget, visitor), request.body.upTo, request.body.state);
      return reply.status(204).send();
    },
  );

  // The file itself is the body (its type in Content-Type), so this route reads any type as bytes.
  // The visitor token and the rate limit are checked on request, before up to maxBytes are read.
  const uploaders = new WeakMap<FastifyRequest, { widget: Widget; visitor: VisitorRow }>();
  await app.register(async (files) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    files.withTypeProvider<ZodTypeProvider>().post(
      '/widget/1/:widgetId/attachments',
      {
        ...publicRoute,
        bodyLimit: deps.uploads.maxBytes,
        schema: { params: Params, querystring: UploadAttachmentQuery, response: { 201: VisitorUpload } },
        onRequest: async (request, reply) => {
          const uploader = await visitorOf(request);
          enforceLimit(limits.uploads, uploader.visitor.id, reply);
          uploaders.set(request, uploader);
        },
      },
      async (request, reply) => {
        const uploader = uploaders.get(request);
        if (!uploader) throw new Error('The upload hook did not run');
        const { widget, visitor } = uploader;
        const stored = await deps.uploads.store(widget, visitor.id, {
          fileName: request.query.fileName,
          declaredType: request.headers['content-type'],
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        });
        return reply
          .status(201)
          .send({ attachmentId: stored.id, fileName: stored.fileName, mimeType: stored.mimeType });
      },
    );
  });

  r.get(
    '/widget/1/:widgetId/ws',
    {
      ...publicRoute,
      websocket: true,
      schema: { params: Params, hide: true },
      preValidation: async (request, reply) => enforceLimit(limits.sockets, request.ip, reply),
    },
    (socket, request) => deps.hub.accept(socket, widgetOf(request)),
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { InboundSink } from '../adapter.ts';
import type { VisitorUploads } from './uploads.ts';
import { registerVisitorRoutes } from './visitor.routes.ts';
import type { VisitorHub } from './visitor-hub.ts';
import { createVisitorLimits } from './visitor-limits.ts';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_MAX_AGE, decideOrigin } from './widget-origin.ts';
import type { Widget, WidgetDirectory } from './widgets.ts';

/** Where the visitor API lives; the SPA fallback never answers under it. */
export const WIDGET_API_PREFIX = '/widget/1';

const unavailable = () => new AppError('not_found', 404, 'This chat is not available');

/**
 * The visitor API with its CORS layer. Every request (preflight included) names its widget in the
 * path; an unknown or disabled widget is 404, and a browser page whose Origin the widget does not
 * allow is 403 without any Access-Control header, so the browser hides the answer from that page.
 * Allowed origins are echoed (`Vary: Origin`), or `*` when the admin allowed every site; never
 * with credentials: the visitor token travels in `Authorization`, so no cookie is ever involved.
 */
export async function registerVisitorApi(
  app: FastifyInstance,
  ctx: AppContext,
  deps: { widgets: WidgetDirectory; hub: VisitorHub; uploads: VisitorUploads; inbound: InboundSink },
): Promise<void> {
  const widgets = new WeakMap<FastifyRequest, Widget>();
  const widgetOf = (request: FastifyRequest): Widget => {
    const widget = widgets.get(request);
    if (!widget) throw unavailable();
    return widget;
  };

  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { widgetId } = request.params as { widgetId?: string };
    const widget = widgetId ? await deps.widgets(widgetId) : undefined;
    if (!widget) throw unavailable();
    const decision = decideOrigin(widget.settings.allowedOrigins, request.headers.origin);
    if (!decision.allowed) throw new AppError('forbidden', 403, 'This site may not use this chat');
    reply.header('vary', 'Origin');
    if (decision.allowOrigin) {
      reply.header('access-control-allow-origin', decision.allowOrigin);
      reply.header('access-control-expose-headers', 'retry-after');
    }
    // Attachment links and the socket are loaded from the page's origin too.
    reply.header('cross-origin-resource-policy', 'cross-origin');
    widgets.set(request, widget);
  }

  await app.register(async (scope) => {
    scope.addHook('onRequest', admit);

    scope.options(
      `${WIDGET_API_PREFIX}/:widgetId/*`,
      { config: { access: 'public' }, schema: { hide: true } },
      async (_request, reply) =>
        reply
          .header('access-control-allow-methods', CORS_ALLOW_METHODS)
          .header('access-control-allow-headers', CORS_ALLOW_HEADERS)
          .header('access-control-max-age', String(CORS_MAX_AGE))
          .status(204)
          .send(),
    );

    await registerVisitorRoutes(scope, ctx, {
      widgetOf,
      limits: createVisitorLimits(),
      hub: deps.hub,
      uploads: deps.uploads,
      inbound: deps.inbound,
    });
  });
}

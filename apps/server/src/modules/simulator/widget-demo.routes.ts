import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findEnabledConnectionBySender } from '../channel-connections/channel-connections.repo.ts';

const Params = z.object({ widgetId: z.string().min(1).max(200) });

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain shop page with the widget's one-line snippet, as a customer's site embeds it. */
export function widgetDemoPage(widgetId: string, name: string): string {
  const id = escapeHtml(widgetId);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)} — live chat demo</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933">
<h1>${escapeHtml(name)}</h1>
<p>A page embedding the live-chat widget <code>${id}</code> with its snippet. Open the chat at the
bottom right and write as a visitor: agents answer from Parley.</p>
<script src="/widget.js" data-widget-id="${id}" async></script>
</body>
</html>
`;
}

/**
 * `GET /widget-demo/:widgetId` (public, like the widget itself): the demo page of an enabled
 * live-chat connection. The widget works there only when its allowed origins list Parley's origin.
 */
export async function registerWidgetDemoPage(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/widget-demo/:widgetId',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const params = Params.safeParse(request.params);
      const connection =
        params.success &&
        (await findEnabledConnectionBySender(ctx.db.orm, 'LIVE_CHAT', params.data.widgetId));
      if (!connection) throw notFound('Live-chat widget');
      return reply.type('text/html; charset=utf-8').send(widgetDemoPage(connection.sender, connection.name));
    },
  );
}

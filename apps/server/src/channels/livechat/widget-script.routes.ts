import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/** Where `npm run build -w apps/web` writes the widget bundle (apps/web/vite.widget.config.ts). */
export const WIDGET_BUNDLE = fileURLToPath(new URL('../../../../web/dist-widget/widget.js', import.meta.url));

/**
 * The snippet names one stable URL, so the script cannot be cached forever: browsers and CDNs keep
 * it 5 minutes, then revalidate with the ETag (a 304 costs a few bytes). An upgrade reaches every
 * site within those minutes.
 */
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

type Bundle = { body: Buffer; etag: string; mtimeMs: number };

/** `GET /widget.js`: the embeddable widget, loadable from any site (a public script, no secrets). */
export async function registerWidgetScript(
  app: FastifyInstance,
  file: string = WIDGET_BUNDLE,
): Promise<void> {
  let cached: Bundle | undefined;
  async function load(): Promise<Bundle | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    if (cached?.mtimeMs !== info.mtimeMs) {
      const body = await readFile(file);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      cached = { body, etag, mtimeMs: info.mtimeMs };
    }
    return cached;
  }

  app.get('/widget.js', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const bundle = await load();
    if (!bundle) throw new AppError('not_found', 404, 'The widget is not built: run `npm run build`');
    reply
      .header('cache-control', CACHE_CONTROL)
      .header('etag', bundle.etag)
      // helmet's default (same-origin) would stop other sites from running it.
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === bundle.etag) return reply.status(304).send();
    return reply.type('text/javascript; charset=utf-8').send(bundle.body);
  });
}

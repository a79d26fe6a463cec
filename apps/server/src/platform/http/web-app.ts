import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Where `npm run build -w apps/web` writes the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Paths that belong to the server; the SPA fallback never answers them. */
const SERVER_PREFIXES = [
  '/api',
  '/ccaas',
  '/people',
  '/webhooks',
  '/sandbox',
  '/widget',
  '/healthz',
  '/readyz',
  '/metrics',
];

// Vite puts content-hashed files under assets/: a new build means new names, so they can be
// cached forever. Everything else (index.html, color-scheme.js) must be revalidated.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

let warnedMissingBuild = false;

function isServerPath(pathname: string): boolean {
  return SERVER_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** The file under `root` that `relative` names, or null (missing, a folder, or outside root). */
async function findFile(root: string, relative: string): Promise<string | null> {
  if (!relative) return null;
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(root + path.sep)) return null;
  try {
    return (await stat(absolute)).isFile() ? path.relative(root, absolute) : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web app at `/`: its files, and index.html for any other page a browser asks
 * for (client-side routes such as /team). Without a build (tests, API-only runs) it registers
 * nothing and says so once.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string = WEB_DIST_DIR): Promise<void> {
  const root = path.resolve(distDir);
  if (!(await findFile(root, 'index.html'))) {
    if (!warnedMissingBuild) {
      app.log.warn({ distDir: root }, 'web app not built; run `npm run build` to serve it');
      warnedMissingBuild = true;
    }
    return;
  }
  // serve: false — only reply.sendFile; our own route below declares its access like every route.
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (isServerPath(pathname)) return reply.callNotFound();
    const file = await findFile(root, (request.params as { '*': string })['*']);
    if (file) {
      reply.header('cache-control', file.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
      return reply.sendFile(file, { cacheControl: false });
    }
    if (!acceptsHtml(request)) return reply.callNotFound();
    reply.header('cache-control', REVALIDATE);
    return reply.sendFile('index.html', { cacheControl: false });
  });
}

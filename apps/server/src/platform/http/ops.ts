import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';
import type { AppContext } from '../context.ts';

const READY_TIMEOUT_MS = 1000;

// Metrics live in prom-client's global registry: create them once even when tests build several apps.
let defaultMetricsStarted = false;
const requestDuration =
  (register.getSingleMetric('parley_http_request_duration_seconds') as Histogram | undefined) ??
  new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });

async function isDatabaseReady(ctx: AppContext): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const query = ctx.db.pool.query('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Registers the swagger-ui plugin with every one of its routes declared public. The plugin's routes
 * take no `config`, and the access check runs as the first onRoute hook (inherited hooks run before a
 * child's own), so the config is added before `route()` runs: this scope's `route` is wrapped, and the
 * plugin's nested scopes (created from this one by prototype) inherit the wrapper.
 */
async function registerDocsUi(scope: FastifyInstance): Promise<void> {
  type Route = (this: FastifyInstance, opts: RouteOptions) => FastifyInstance;
  const route = scope.route as Route;
  (scope as { route: Route }).route = function (opts) {
    // `this` is the nested scope that called route(): it carries the plugin's /api/docs prefix.
    return route.call(this, { ...opts, config: { ...opts.config, access: 'public' } });
  };
  await scope.register(swaggerUi, { routePrefix: '/api/docs' });
}

/** Liveness, readiness, Prometheus metrics and the OpenAPI document + docs page. Call before any module. */
export async function registerOpsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!defaultMetricsStarted) {
    collectDefaultMetrics();
    defaultMetricsStarted = true;
  }
  app.addHook('onResponse', async (request, reply) => {
    requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  // Before every other route: @fastify/swagger collects routes as they are declared.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        description: 'The web app API of Parley, the self-hosted omnichannel contact-center desk.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'parley_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const ready = await isDatabaseReady(ctx);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unavailable' });
  });

  // Public so a Prometheus scraper needs no credentials; docs/realtime.md says to firewall it.
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(register.contentType).send(await register.metrics());
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(registerDocsUi);
}

import fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb } from '../../../test/db.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { createDb, type Db } from '../db/client.ts';
import { installAccessControl, routesWithoutAccess } from './access.ts';
import { installErrorHandler } from './error-handler.ts';
import { registerOpsRoutes } from './ops.ts';

async function buildOpsApp(db: Db): Promise<FastifyInstance> {
  const app = fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installAccessControl(app, async () => null);
  // Only db is read by the ops routes.
  const ctx = { db, config: loadConfig({}), logger: pino({ level: 'silent' }) } as AppContext;
  await registerOpsRoutes(app, ctx);
  app.post(
    '/api/probe',
    {
      config: { access: 'public' },
      schema: {
        body: z.object({ name: z.string().max(10) }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async () => ({ ok: true }),
  );
  await app.ready();
  return app;
}

describe('ops routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildOpsApp(await createTestDb({ migrate: false }));
  });
  afterAll(() => app.close());

  it('answers liveness and readiness', async () => {
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('is not ready when the database cannot be reached', async () => {
    // Port 1 has no PostgreSQL: the connection is refused.
    const down = createDb('postgres://postgres@127.0.0.1:1/none', 1);
    const other = await buildOpsApp(down);
    try {
      const res = await other.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
    } finally {
      await other.close();
      await down.close();
    }
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await app.inject({ url: '/healthz' });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /parley_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(res.body).toContain('process_cpu_seconds_total');
  });

  it('serves the OpenAPI document built from zod schemas, and the docs page', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(
      doc.paths['/api/probe'].post.requestBody.content['application/json'].schema.properties.name,
    ).toEqual({
      type: 'string',
      maxLength: 10,
    });
    expect(doc.paths['/healthz']).toBeUndefined();
    const page = await app.inject({ url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect((await app.inject({ url: '/api/docs/static/swagger-ui.css' })).statusCode).toBe(200);
  });

  it('declares access on every route it registers, including the docs UI', () => {
    expect(routesWithoutAccess).toEqual([]);
  });
});

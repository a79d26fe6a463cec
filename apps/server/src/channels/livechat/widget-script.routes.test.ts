import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWidgetScript } from './widget-script.routes.ts';

describe('GET /widget.js', () => {
  it('serves the bundle to any site, cached briefly and revalidated by ETag', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'widget-')), 'widget.js');
    writeFileSync(file, 'console.log("widget")');
    const app = fastify();
    await registerWidgetScript(app, file);
    const res = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("widget")');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const etag = String(res.headers.etag);
    const again = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await app.close();
  });

  it('answers 404 when the bundle was not built', async () => {
    const app = fastify();
    await registerWidgetScript(app, path.join(tmpdir(), 'no-such-widget.js'));
    expect((await app.inject({ method: 'GET', url: '/widget.js' })).statusCode).toBe(404);
    await app.close();
  });
});

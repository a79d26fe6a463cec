import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

describe('registerWebApp', () => {
  let dist: string;
  let app: FastifyInstance;
  const html = { accept: 'text/html,application/xhtml+xml' };

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'parley-web-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(path.join(dist, 'color-scheme.js'), '// scheme');
    app = fastify();
    await registerWebApp(app, dist);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves hashed assets with a long cache and index.html with no-cache', async () => {
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const index = await app.inject({ url: '/', headers: html });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('id="root"');
    expect(index.headers['cache-control']).toBe('no-cache');
    const plain = await app.inject({ url: '/color-scheme.js' });
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('answers client-side routes that accept HTML with index.html', async () => {
    const res = await app.inject({ url: '/settings/users?tab=1', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('never falls back for server paths, non-HTML requests or paths outside dist', async () => {
    for (const url of ['/api/nope', '/ccaas/1/x', '/webhooks/x', '/healthz', '/metrics']) {
      expect((await app.inject({ url, headers: html })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/%2e%2e/%2e%2e/etc/passwd', headers: html })).body).not.toContain(
      'root:',
    );
  });

  it('registers nothing when the web app is not built', async () => {
    const bare = fastify();
    await registerWebApp(bare, path.join(dist, 'missing'));
    await bare.ready();
    expect((await bare.inject({ url: '/', headers: html })).statusCode).toBe(404);
    await bare.close();
  });
});

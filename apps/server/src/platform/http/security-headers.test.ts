import fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { installSecurityHeaders } from './security-headers.ts';

async function headersFor(env: Record<string, string>) {
  const app = fastify();
  await installSecurityHeaders(app, loadConfig(env));
  app.get('/', async () => 'ok');
  const res = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return res.headers;
}

describe('security headers', () => {
  it('forbids framing and foreign scripts, and never upgrades plain-HTTP installs', async () => {
    const headers = await headersFor({});
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when Parley is served over HTTPS (secure cookies)', async () => {
    const headers = await headersFor({ COOKIE_SECURE: 'true' });
    expect(headers['strict-transport-security']).toContain('max-age=31536000');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { signedInUser, type TestSession } from '../../modules/users/test-helpers.ts';
import type { Db } from '../../platform/db/client.ts';
import { createWidget, SITE, startVisitor, visitorCall } from './test-support.ts';

// The visitor API's gate: the widget in the path, the page's origin (CORS), the visitor token.

let app: App;
let db: Db;
let admin: TestSession;
let widgetId: string;

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  admin = await signedInUser(app, db, ['admin']);
  ({ widgetId } = await createWidget(app, admin, {
    title: 'Chat with Acme',
    color: '#0b7285',
    preChatForm: true,
  }));
});
afterAll(async () => {
  await app.close();
});

describe('widget and origin', () => {
  it('answers an allowed origin with its settings and echoes the origin, never with credentials', async () => {
    const res = await visitorCall(app, widgetId, { method: 'GET', path: '/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      widgetId,
      title: 'Chat with Acme',
      color: '#0b7285',
      preChatForm: true,
    });
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(res.headers.vary).toContain('Origin');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('refuses a page on another origin with 403 and no Access-Control header', async () => {
    for (const origin of [
      'https://evil.example',
      'http://shop.example.com',
      'https://shop.example.com:8443',
      'null',
    ]) {
      const res = await visitorCall(app, widgetId, { method: 'GET', path: '/config', origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('lets a call without Origin through (not a browser page) without an Allow-Origin header', async () => {
    const res = await visitorCall(app, widgetId, { method: 'GET', path: '/config', origin: null });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers the preflight of an allowed origin, refuses the others', async () => {
    const ok = await visitorCall(app, widgetId, { method: 'OPTIONS', path: '/messages' });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(SITE);
    expect(ok.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(ok.headers['access-control-allow-headers']).toBe('authorization, content-type');
    expect(ok.headers['access-control-max-age']).toBe('600');
    const refused = await visitorCall(app, widgetId, {
      method: 'OPTIONS',
      path: '/messages',
      origin: 'https://evil.example',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('admits every site only when the admin chose "*"', async () => {
    const open = await createWidget(app, admin, { allowedOrigins: ['*'] });
    const res = await visitorCall(app, open.widgetId, {
      method: 'GET',
      path: '/config',
      origin: 'https://any.example',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const none = await createWidget(app, admin, { allowedOrigins: [] });
    expect((await visitorCall(app, none.widgetId, { method: 'GET', path: '/config' })).statusCode).toBe(403);
  });

  it('answers 404 for an unknown widget and for a disabled one', async () => {
    expect((await visitorCall(app, 'no-such-widget', { method: 'GET', path: '/config' })).statusCode).toBe(
      404,
    );
    const disabled = await createWidget(app, admin);
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/channel-connections/${disabled.connectionId}`,
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await visitorCall(app, disabled.widgetId, { method: 'GET', path: '/config' })).statusCode).toBe(
      404,
    );
  });

  it('keeps the web app CSP strict: the app still refuses framing', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('visitor token', () => {
  it('starts a session with a token shown once and a visitor id', async () => {
    const res = await visitorCall(app, widgetId, { method: 'POST', path: '/sessions', payload: {} });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { token: string; visitor: { id: string; name: string | null } };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.visitor.name).toBeNull();
    const stored = await db.pool.query('select token_hash from livechat_visitors where id = $1', [
      body.visitor.id,
    ]);
    expect(stored.rows[0].token_hash).not.toBe(body.token);
  });

  it('refuses calls without a token, with a wrong one, and with a token of another widget (401)', async () => {
    const other = await createWidget(app, admin);
    const { token: foreign } = await startVisitor(app, other.widgetId);
    for (const token of [undefined, 'not-a-real-token-but-long-enough-0000', foreign]) {
      const res = await visitorCall(app, widgetId, {
        method: 'GET',
        path: '/messages',
        ...(token && { token }),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      // The page may read the refusal: the origin is allowed.
      expect(res.headers['access-control-allow-origin']).toBe(SITE);
    }
  });

  it('validates the pre-chat answers', async () => {
    const res = await visitorCall(app, widgetId, {
      method: 'POST',
      path: '/sessions',
      payload: { email: 'not an address' },
    });
    expect(res.statusCode).toBe(400);
  });
});

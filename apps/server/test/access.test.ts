import type { Access, Role } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { createApiKeyRecord } from '../src/modules/users/api-keys.service.ts';
import { signedInUser } from '../src/modules/users/test-helpers.ts';
import type { Db } from '../src/platform/db/client.ts';
import { rolesSatisfy, routesWithoutAccess } from '../src/platform/http/access.ts';
import { buildTestApp } from './app.ts';

let app: App;
let db: Db;

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
});
afterAll(async () => {
  await app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';

describe('access control', () => {
  it('every route declares its access level', () => {
    // A route without `config.access` would be refused at run time; list them so the fix is obvious.
    expect(routesWithoutAccess, `routes without config.access:\n${routesWithoutAccess.join('\n')}`).toEqual(
      [],
    );
  });

  const protectedRoutes = [
    { level: 'user', method: 'GET', url: '/api/auth/session' },
    { level: 'user', method: 'POST', url: '/api/auth/logout' },
    { level: 'user', method: 'PUT', url: '/api/me/availability' },
    { level: 'user', method: 'GET', url: '/api/team' },
    { level: 'user', method: 'GET', url: '/api/ws' },
    { level: 'agent', method: 'GET', url: '/api/conversations' },
    { level: 'agent', method: 'GET', url: `/api/conversations/${someId}` },
    { level: 'agent', method: 'GET', url: '/api/customers' },
    { level: 'agent', method: 'GET', url: '/api/queues' },
    { level: 'agent', method: 'GET', url: '/api/tags' },
    { level: 'agent', method: 'GET', url: '/api/agents' },
    { level: 'supervisor', method: 'POST', url: '/api/queues' },
    { level: 'supervisor', method: 'POST', url: '/api/tags' },
    { level: 'admin', method: 'GET', url: '/api/users' },
    { level: 'admin', method: 'POST', url: '/api/users' },
    { level: 'admin', method: 'PATCH', url: `/api/users/${someId}` },
    { level: 'admin', method: 'POST', url: `/api/users/${someId}/password` },
    { level: 'admin', method: 'GET', url: '/api/api-keys' },
    { level: 'admin', method: 'POST', url: '/api/api-keys' },
    { level: 'admin', method: 'DELETE', url: `/api/api-keys/${someId}` },
  ] as const;

  for (const route of protectedRoutes) {
    it(`${route.level}: ${route.method} ${route.url} answers 401 anonymously`, async () => {
      const res = await app.inject({ method: route.method, url: route.url });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });
  }

  it('public routes answer without credentials', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).statusCode).toBe(200);
  });

  it('matches roles to levels: admin is neither agent nor supervisor, a supervisor works conversations', () => {
    const levels: Access[] = ['public', 'user', 'agent', 'supervisor', 'admin', 'api-key'];
    const allowed = (roles: Role[]) => levels.filter((level) => rolesSatisfy(roles, level));
    expect(allowed([])).toEqual(['public']);
    expect(allowed(['agent'])).toEqual(['public', 'user', 'agent']);
    expect(allowed(['supervisor'])).toEqual(['public', 'user', 'agent', 'supervisor']);
    expect(allowed(['admin'])).toEqual(['public', 'user', 'admin']);
    expect(allowed(['admin', 'agent', 'supervisor'])).toEqual([
      'public',
      'user',
      'agent',
      'supervisor',
      'admin',
    ]);
  });

  it('lets an admin-only user use the shell but not work conversations', async () => {
    const admin = await signedInUser(app, db, ['admin']);
    const as = (method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
      app.inject({ method, url, headers: admin.headers, ...(payload && { payload }) });
    expect((await as('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await as('GET', '/api/team')).statusCode).toBe(200);
    expect((await as('PUT', '/api/me/availability', { availability: 'BUSY' })).statusCode).toBe(200);
    expect((await as('GET', '/api/users')).statusCode).toBe(200);
    for (const url of ['/api/conversations', `/api/conversations/${someId}`, '/api/customers', '/api/tags']) {
      const res = await as('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await as('PATCH', `/api/conversations/${someId}`, { status: 'CLOSED' })).statusCode).toBe(403);
  });

  it('lets an agent work conversations but not supervise or administer', async () => {
    const agent = await signedInUser(app, db, ['agent']);
    const get = (url: string) => app.inject({ method: 'GET', url, headers: agent.headers });
    expect((await get('/api/team')).statusCode).toBe(200);
    expect((await get('/api/conversations')).statusCode).toBe(200);
    expect((await get('/api/users')).statusCode).toBe(403);
    const tag = await app.inject({
      method: 'POST',
      url: '/api/tags',
      headers: agent.headers,
      payload: { name: 'no', kind: 'conversation' },
    });
    expect(tag.statusCode).toBe(403);
  });

  it('keeps API keys and sessions apart', async () => {
    const { key } = await createApiKeyRecord(db.orm, 'access test', null);
    const byKey = await app.inject({
      method: 'GET',
      url: '/api/team',
      headers: { authorization: `App ${key}` },
    });
    expect(byKey.statusCode).toBe(403);
    const agent = await signedInUser(app, db, ['agent', 'supervisor', 'admin']);
    const bySession = await app.inject({ method: 'GET', url: '/ccaas/1/agents', headers: agent.headers });
    expect(bySession.statusCode).toBe(403);
  });
});

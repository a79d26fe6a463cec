import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { routesWithoutAccess } from '../src/platform/http/access.ts';
import { buildTestApp } from './app.ts';

let app: App;

beforeAll(async () => {
  ({ app } = await buildTestApp());
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
    { level: 'agent', method: 'GET', url: '/api/auth/session' },
    { level: 'agent', method: 'POST', url: '/api/auth/logout' },
    { level: 'agent', method: 'PUT', url: '/api/me/availability' },
    { level: 'agent', method: 'GET', url: '/api/team' },
    { level: 'agent', method: 'GET', url: '/api/ws' },
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
});

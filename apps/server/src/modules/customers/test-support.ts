import type { AttributeDefinition, Customer } from '@parley/contracts';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

export interface Answer {
  status: number;
  // Tests read into the contract shapes freely; the routes' response schemas guard them.
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes
  body: any;
}

/** A built app on a fresh database with a signed-in agent and supervisor and an API key. */
export async function customersWorld() {
  const { app, ctx, db } = await buildTestApp();
  const agent = await signedInUser(app, db, ['agent']);
  const supervisor = await signedInUser(app, db, ['agent', 'supervisor']);
  const apiKey = `App ${(await createApiKeyRecord(db.orm, 'customers test', null)).key}`;

  /** Calls the app as `who` (a session, 'anonymous' or 'api-key'). */
  async function call(
    who: TestSession | 'anonymous' | 'api-key',
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
  ): Promise<Answer> {
    const headers =
      who === 'anonymous' ? {} : who === 'api-key' ? { authorization: apiKey } : { ...who.headers };
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  async function createCustomer(body: Record<string, unknown>): Promise<Customer> {
    const res = await call(supervisor, 'POST', '/api/customers', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function defineAttribute(
    name: string,
    type: AttributeDefinition['type'],
    options: string[] = [],
  ): Promise<AttributeDefinition> {
    const res = await call(supervisor, 'POST', '/api/customer-attributes', { name, type, options });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  return { app, ctx, db, agent, supervisor, call, createCustomer, defineAttribute };
}

export type CustomersWorld = Awaited<ReturnType<typeof customersWorld>>;

/** The error code of an `/api` error answer. */
export const codeOf = (answer: Answer): string | undefined => answer.body?.error?.code;

export const SOME_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Checks a route's access: anonymous 401, API key 403, and, for supervisor routes, an agent 403.
 * `payload` should be valid so the refusal can only come from access control.
 */
export async function expectAccess(
  world: CustomersWorld,
  route: { method: InjectOptions['method']; url: string; payload?: unknown; access: 'agent' | 'supervisor' },
): Promise<void> {
  const label = `${route.method} ${route.url}`;
  expect((await world.call('anonymous', route.method, route.url, route.payload)).status, label).toBe(401);
  expect((await world.call('api-key', route.method, route.url, route.payload)).status, label).toBe(403);
  if (route.access === 'supervisor') {
    const asAgent = await world.call(world.agent, route.method, route.url, route.payload);
    expect([asAgent.status, codeOf(asAgent)], label).toEqual([403, 'forbidden']);
  }
}

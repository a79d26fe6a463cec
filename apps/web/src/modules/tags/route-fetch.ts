import { vi } from 'vitest';

/** A canned answer: status and JSON body (204 sends none). */
export type Answer = { status?: number; body?: unknown };
type Route = (call: { method: string; url: string; body: unknown }) => Answer | undefined;

/**
 * Replaces fetch with one answering from `routes` (the first that answers wins; anything else is a
 * 404) and records every call with its parsed JSON body. For tests of screens that call several
 * endpoints.
 */
export function routeFetch(routes: Route[]) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const call = {
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const answer = routes.map((route) => route(call)).find(Boolean) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: `No route ${call.method} ${url}` } },
    };
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

import type { ConversationListItem, RealtimeEvent, RealtimeEventType } from '@parley/contracts';
import { act } from '@testing-library/react';
import { type ReactElement, useEffect, useRef } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { makeUser, renderWithProviders } from '../../../test/render.tsx';
import { CurrentUserProvider } from '../../auth/current-user.tsx';

// Test helpers of the workspace lists: a fake realtime bus, list rows, a routed fetch stub, and a
// render at a path with a signed-in agent. Test files replace the real socket with
// `vi.mock('…/lib/realtime.tsx', async () => ({ useRealtimeEvent: (await import('…/test-support.tsx')).useFakeRealtimeEvent }))`.

export const me = makeUser({ id: '00000000-0000-4000-8000-00000000000a', displayName: 'Liam Agent' });
export const colleague = { id: '00000000-0000-4000-8000-00000000000b', displayName: 'Sofia Rossi' };

type Handler = (event: RealtimeEvent) => void;
const handlers = new Map<string, Set<Handler>>();

/** Stands in for `useRealtimeEvent`: handlers subscribe to the in-memory bus `emit` feeds. */
export function useFakeRealtimeEvent<T extends RealtimeEventType>(
  type: T,
  handler: (event: Extract<RealtimeEvent, { type: T }>) => void,
): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const set = handlers.get(type) ?? new Set<Handler>();
    const run: Handler = (event) => ref.current(event as Extract<RealtimeEvent, { type: T }>);
    set.add(run);
    handlers.set(type, set);
    return () => void set.delete(run);
  }, [type]);
}

/**
 * Delivers an event to every mounted subscriber, as the socket would, and lets the query cache
 * notify its observers (it batches on a timer).
 */
export async function emit(event: RealtimeEvent): Promise<void> {
  await act(async () => {
    for (const handler of handlers.get(event.type) ?? []) handler(event);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A MY WORK row of mine; `n` makes the id, and the minutes ago its last customer message. */
export function makeRow(n: number, overrides: Partial<ConversationListItem> = {}): ConversationListItem {
  const at = new Date(Date.now() - n * 60_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: 1000 + n,
    topic: `Topic ${n}`,
    status: 'OPEN',
    priority: 'NORMAL',
    queue: null,
    assignee: { id: me.id, displayName: me.displayName },
    customer: { id: null, name: `Customer ${n}`, address: `4470000000${n}` },
    channels: ['WHATSAPP'],
    tags: [],
    summary: null,
    createdAt: at,
    updatedAt: at,
    lastCustomerMessageAt: at,
    pendingSince: null,
    closedAt: null,
    unreadCount: 0,
    lastCustomerMessage: { contentType: 'TEXT', text: `Message ${n}`, createdAt: at },
    ...overrides,
  };
}

export type FetchRoute = (url: URL, init: RequestInit) => { status: number; body: unknown } | undefined;

/** Answers each request from the first route that returns something; records every call. */
export function routeFetch(...routes: FetchRoute[]) {
  const calls: { url: URL; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://parley.test');
    calls.push({ url, init });
    for (const route of routes) {
      const answer = route(url, init);
      if (answer) {
        return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
          status: answer.status,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    return new Response(JSON.stringify({ error: { code: 'not_found', message: 'No route in test' } }), {
      status: 404,
    });
  });
  return calls;
}

function LocationProbe() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

/** Renders `screen` mounted at `mount` (with `/*`) and navigates to `path`, signed in as `me`. */
export function renderAt(path: string, mount: string, screen: ReactElement) {
  return renderWithProviders(
    <CurrentUserProvider user={me}>
      <Routes>
        <Route path="/" element={<Navigate to={path} replace />} />
        <Route path={`${mount}/*`} element={screen} />
      </Routes>
      <LocationProbe />
    </CurrentUserProvider>,
    { session: { user: me, csrfToken: 'csrf' } },
  );
}

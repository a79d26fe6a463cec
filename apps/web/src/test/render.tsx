import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { SessionResponse, User } from '@parley/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { sessionKey } from '../modules/auth/session.ts';

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'ada@example.com',
    displayName: 'Ada Lovelace',
    roles: ['agent'],
    enabled: true,
    availability: 'ACTIVE',
    availabilityChangedAt: new Date().toISOString(),
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Renders with the app's providers, a memory router and (optionally) a signed-in session. */
export function renderWithProviders(ui: ReactElement, options: { session?: SessionResponse } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  if (options.session) queryClient.setQueryData(sessionKey, options.session);
  const result = render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient };
}

/** Replaces fetch with one answering `status` and `body` (JSON) and records the calls. */
export function stubFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

import type { Dashboard } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../tags/route-fetch.ts';
import { emit } from '../workspace/my-work/test-support.tsx';
import { DashboardPage } from './DashboardPage.tsx';

vi.mock('../../lib/realtime.tsx', async () => ({
  useRealtimeEvent: (await import('../workspace/my-work/test-support.tsx')).useFakeRealtimeEvent,
}));

const now = Date.now();
const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const dashboard: Dashboard = {
  generatedAt: iso(now),
  agents: [
    {
      userId: crypto.randomUUID(),
      displayName: 'Noah Fischer',
      availability: 'BUSY',
      availabilityChangedAt: iso(now - 65_000),
      load: 4,
      capacity: 5,
      queueIds: [],
      timeline: [
        { availability: 'OFFLINE', from: iso(dayStart), to: iso(dayStart + 1) },
        { availability: 'ACTIVE', from: iso(dayStart + 1), to: iso(now - 65_000) },
        { availability: 'BUSY', from: iso(now - 65_000), to: null },
      ],
    },
    {
      userId: crypto.randomUUID(),
      displayName: 'Amara Okafor',
      availability: 'ACTIVE',
      availabilityChangedAt: iso(now - 10_000),
      load: 0,
      capacity: 3,
      queueIds: [],
      timeline: [{ availability: 'ACTIVE', from: iso(dayStart), to: null }],
    },
  ],
  queues: [
    {
      queueId: crypto.randomUUID(),
      name: 'Billing',
      isDefault: false,
      autoAssign: true,
      waiting: 3,
      longestWaitingSince: iso(now - 125_000),
      activeMembers: 1,
    },
  ],
  unassigned: 7,
  withBots: 2,
  byStatus: { OPEN: 10, WAITING: 4, SOLVED: 1, CLOSED: 12 },
};

describe('DashboardPage', () => {
  it('shows agents with status, load and today’s spans, and queues with waiting counts', async () => {
    routeFetch([({ url }) => (url === '/api/dashboard' ? { body: dashboard } : undefined)]);
    renderWithProviders(<DashboardPage />, {
      session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'c' },
    });
    const agents = await screen.findAllByTestId('dashboard-agent');
    // Active first, then the others.
    expect(agents.map((a) => a.dataset.agentName)).toEqual(['Amara Okafor', 'Noah Fischer']);
    const noah = agents[1] as HTMLElement;
    expect(within(noah).getByTestId('agent-load').textContent).toBe('4/5');
    expect(within(noah).getByTestId('agent-time-in-status').textContent).toMatch(/^1:0\d$/);
    const spans = within(noah).getAllByTestId('status-span');
    // The zero-length-ish OFFLINE span still shows (1 ms), the open BUSY one runs to now.
    expect(spans.map((s) => s.dataset.availability)).toEqual(['OFFLINE', 'ACTIVE', 'BUSY']);
    expect(spans[1]?.style.left).toBe(`${(1 / 86_400_000) * 100}%`);
    expect(screen.getByTestId('stat-unassigned').textContent).toBe('7');
    expect(screen.getByTestId('stat-CLOSED').textContent).toBe('12');
    const billing = screen.getByTestId('dashboard-queue');
    expect(within(billing).getByTestId('queue-waiting').textContent).toBe('3');
    await waitFor(() => expect(billing.textContent).toMatch(/2:0\d/));
  });

  it('follows availability changes at once and refetches on dashboard.changed', async () => {
    let served = dashboard;
    const calls = routeFetch([({ url }) => (url === '/api/dashboard' ? { body: served } : undefined)]);
    renderWithProviders(<DashboardPage />, {
      session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'c' },
    });
    await screen.findAllByTestId('dashboard-agent');
    const amara = dashboard.agents[1] as Dashboard['agents'][number];
    // The server has the change too (the event's refetch must not undo the patch).
    served = {
      ...dashboard,
      agents: dashboard.agents.map((a) => (a.userId === amara.userId ? { ...a, availability: 'AWAY' } : a)),
    };
    emit({
      type: 'user.availability_changed',
      payload: { userId: amara.userId, availability: 'AWAY', changedAt: new Date().toISOString() },
    });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('dashboard-agent').find((a) => a.dataset.agentName === 'Amara Okafor')?.dataset
          .availability,
      ).toBe('AWAY'),
    );
    served = { ...served, unassigned: 8 };
    const before = calls.length;
    emit({ type: 'dashboard.changed', payload: { at: new Date().toISOString() } });
    await waitFor(() => expect(screen.getByTestId('stat-unassigned').textContent).toBe('8'));
    expect(calls.length).toBeGreaterThan(before);
  });
});

import type { QueueSettingsResponse } from '@parley/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../tags/route-fetch.ts';
import { QueuesPage } from './QueuesPage.tsx';

const alice = { userId: crypto.randomUUID(), displayName: 'Alice Agent', capacity: 5, override: null };
const bob = { userId: crypto.randomUUID(), displayName: 'Bob Agent', capacity: 2, override: 2 };
const billing = {
  id: crypto.randomUUID(),
  name: 'Billing',
  isDefault: false,
  memberIds: [bob.userId],
  openToAllAgents: false,
  createdAt: '',
};
const settings: QueueSettingsResponse = {
  queueId: billing.id,
  openNow: true,
  autoAssign: false,
  algorithm: 'ROUND_ROBIN',
  stickyAgentDays: null,
  onAgentUnavailable: 'KEEP',
  workingHours: null,
  awayReply: null,
  openToAllAgents: false,
};

function setup() {
  const calls = routeFetch([
    ({ method, url }) =>
      url === '/api/queues' && method === 'GET' ? { body: { items: [billing] } } : undefined,
    ({ url }) => (url === '/api/agent-capacities' ? { body: { items: [alice, bob] } } : undefined),
    ({ method, url }) =>
      url === `/api/queues/${billing.id}/settings` && method === 'GET' ? { body: settings } : undefined,
    ({ method, url, body }) =>
      url === `/api/queues/${billing.id}/settings` && method === 'PATCH'
        ? { body: { ...settings, ...(body as object) } }
        : undefined,
    ({ method, url, body }) =>
      url === `/api/queues/${billing.id}/members` && method === 'PUT'
        ? { body: { ...billing, memberIds: (body as { userIds: string[] }).userIds } }
        : undefined,
    ({ method, url }) =>
      method === 'PUT' && url.startsWith('/api/agent-capacities/') ? { body: bob } : undefined,
  ]);
  renderWithProviders(<QueuesPage />, {
    session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'c' },
  });
  return { calls, user: userEvent.setup() };
}

describe('QueuesPage', () => {
  it('shows the selected queue’s members with their capacity', async () => {
    setup();
    const detail = await screen.findByTestId('queue-detail');
    expect(detail.dataset.queueName).toBe('Billing');
    const rows = await within(detail).findAllByTestId('queue-member-row');
    await waitFor(() => expect(rows[0]?.textContent).toContain('Bob Agent2 conversations'));
    expect(within(detail).getByText('Open now')).toBeTruthy();
  });

  it('adds a member, then saves automatic assignment with least load and a sticky agent', async () => {
    const { calls, user } = setup();
    const detail = await screen.findByTestId('queue-detail');
    await user.click(within(detail).getByLabelText('Members'));
    await user.click(await screen.findByRole('option', { name: 'Alice Agent', hidden: true }));
    await user.click(within(detail).getByTestId('queue-members-save'));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/members'))?.body).toEqual({
        userIds: [bob.userId, alice.userId],
      }),
    );
    const form = await within(detail).findByTestId('queue-settings');
    await user.click(within(form).getByLabelText(/Assign new and waiting conversations/));
    await user.click(within(form).getByText('Least load'));
    await user.click(within(form).getByLabelText(/Sticky agent/));
    await user.click(within(form).getByLabelText('return to the queue'));
    await user.click(within(form).getByTestId('queue-settings-save'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        autoAssign: true,
        algorithm: 'LEAST_LOAD',
        stickyAgentDays: 7,
        onAgentUnavailable: 'RETURN_TO_QUEUE',
        workingHours: null,
        awayReply: null,
        openToAllAgents: false,
      }),
    );
    // Only the Default queue has the "every agent sees it" switch.
    expect(within(form).queryByTestId('queue-open-to-all')).toBeNull();
  });

  it('closes the Default queue to agents who are not its members', async () => {
    const defaultQueue = {
      ...billing,
      name: 'Default',
      isDefault: true,
      memberIds: [],
      openToAllAgents: true,
    };
    const defaultSettings = { ...settings, queueId: defaultQueue.id, openToAllAgents: true };
    const calls = routeFetch([
      ({ method, url }) =>
        url === '/api/queues' && method === 'GET' ? { body: { items: [defaultQueue] } } : undefined,
      ({ url }) => (url === '/api/agent-capacities' ? { body: { items: [alice, bob] } } : undefined),
      ({ method, url, body }) =>
        url === `/api/queues/${defaultQueue.id}/settings`
          ? { body: method === 'PATCH' ? { ...defaultSettings, ...(body as object) } : defaultSettings }
          : undefined,
    ]);
    renderWithProviders(<QueuesPage />, {
      session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'c' },
    });
    const user = userEvent.setup();
    const form = await screen.findByTestId('queue-settings');
    const open = within(form).getByLabelText(/Every agent sees the Default queue/) as HTMLInputElement;
    expect(open.checked).toBe(true);
    await user.click(open);
    await user.click(within(form).getByTestId('queue-settings-save'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ openToAllAgents: false }),
    );
  });

  it('saves working hours: weekdays by default, an extra Saturday until midnight, a holiday', {
    timeout: 15_000,
  }, async () => {
    const { calls, user } = setup();
    const form = await screen.findByTestId('queue-settings');
    await user.click(within(form).getByLabelText(/This queue has working hours/));
    await user.click(within(form).getByLabelText('Add Saturday hours'));
    // A time input's value is set whole, as the browser's picker does.
    fireEvent.change(within(form).getByLabelText('Saturday to'), { target: { value: '00:00' } });
    await user.click(within(form).getByRole('button', { name: 'Add holiday' }));
    await user.type(within(form).getByLabelText('Holiday name'), 'New Year');
    await user.type(within(form).getByLabelText('Away auto-reply'), 'We are closed.');
    await user.click(within(form).getByTestId('queue-settings-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const body = calls.find((c) => c.method === 'PATCH')?.body as {
      workingHours: { weekly: { day: string; from: string; to: string }[]; holidays: { name: string }[] };
      awayReply: string;
    };
    expect(body.workingHours.weekly.map((i) => `${i.day} ${i.from}-${i.to}`)).toEqual([
      'MON 09:00-17:00',
      'TUE 09:00-17:00',
      'WED 09:00-17:00',
      'THU 09:00-17:00',
      'FRI 09:00-17:00',
      'SAT 09:00-24:00',
    ]);
    expect(body.workingHours.holidays.map((h) => h.name)).toEqual(['New Year']);
    expect(body.awayReply).toBe('We are closed.');
  });
});

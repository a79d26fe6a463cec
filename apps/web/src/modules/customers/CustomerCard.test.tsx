import type { Conversation, CustomerCardConfig, CustomerDetail, User } from '@parley/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { CurrentUserProvider } from '../auth/current-user.tsx';
import { CustomerCard } from './CustomerCard.tsx';

const CUSTOMER_ID = '00000000-0000-4000-8000-0000000000c1';
const CONVERSATION_ID = '00000000-0000-4000-8000-00000000c0de';
const at = '2026-03-10T09:00:00.000Z';

const conversation: Conversation = {
  id: CONVERSATION_ID,
  number: 1042,
  topic: 'Where is my order?',
  status: 'OPEN',
  priority: 'NORMAL',
  queue: null,
  assignee: null,
  customer: { id: CUSTOMER_ID, name: 'Ana Horvat', address: '385911234567' },
  channels: ['SMS'],
  tags: [],
  summary: null,
  createdAt: at,
  updatedAt: at,
  lastCustomerMessageAt: at,
  pendingSince: null,
  closedAt: null,
  unreadCount: 0,
};

const customer: CustomerDetail = {
  id: CUSTOMER_ID,
  name: 'Ana Horvat',
  gender: 'FEMALE',
  city: 'Zagreb',
  country: 'Croatia',
  attributes: { Tier: 'Gold', VIP: true, Language: 'Croatian', Renewal: '2027-03-31' },
  destinations: [{ channel: 'SMS', address: '385911234567' }],
  tags: ['Newsletter'],
  createdAt: at,
  updatedAt: at,
  conversations: [
    {
      id: CONVERSATION_ID,
      number: 1042,
      topic: 'Where is my order?',
      status: 'OPEN',
      channel: 'SMS',
      createdAt: at,
      closedAt: null,
    },
    {
      id: '00000000-0000-4000-8000-0000000000d2',
      number: 977,
      topic: 'Old refund',
      status: 'CLOSED',
      channel: 'SMS',
      createdAt: at,
      closedAt: at,
    },
  ],
  changes: [],
};

const attribute = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const card: CustomerCardConfig = {
  fields: [
    {
      ref: { kind: 'custom', attributeId: attribute(1) },
      section: 'basic',
      agentEditable: false,
      label: 'Tier',
      type: 'list',
      options: ['Gold', 'Silver'],
    },
    {
      ref: { kind: 'custom', attributeId: attribute(2) },
      section: 'basic',
      agentEditable: true,
      label: 'Language',
      type: 'text',
      options: [],
    },
    {
      ref: { kind: 'standard', field: 'city' },
      section: 'basic',
      agentEditable: false,
      label: 'City',
      type: 'text',
      options: [],
    },
    {
      ref: { kind: 'custom', attributeId: attribute(3) },
      section: 'additional',
      agentEditable: false,
      label: 'VIP',
      type: 'yes_no',
      options: [],
    },
    {
      ref: { kind: 'custom', attributeId: attribute(4) },
      section: 'additional',
      agentEditable: true,
      label: 'Renewal',
      type: 'date',
      options: [],
    },
  ],
};

/** A server for the card: the profile, the card configuration, and the writes (recorded). */
function serve() {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(input, 'http://parley.test').pathname;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    const json = (status: number, data: unknown) =>
      new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
    if (path === `/api/customers/${CUSTOMER_ID}` && method === 'GET') return json(200, customer);
    if (path === '/api/customer-card') return json(200, card);
    if (path === `/api/customers/${CUSTOMER_ID}` && method === 'PATCH') return json(200, customer);
    if (path === `/api/conversations/${CONVERSATION_ID}/customer`) {
      return json(200, { ...conversation, customer: { id: null, name: null, address: '385911234567' } });
    }
    return json(404, { error: { code: 'not_found', message: `No route ${method} ${path}` } });
  });
  return calls;
}

function renderCard(user: User, shown: Conversation = conversation) {
  return renderWithProviders(
    <CurrentUserProvider user={user}>
      <CustomerCard conversation={shown} />
    </CurrentUserProvider>,
  );
}

const rows = () =>
  screen.queryAllByTestId('card-attribute').map((r) => [r.dataset.attribute, r.dataset.editable]);

describe('CustomerCard', () => {
  it('shows the basic fields, the additional ones behind See more, editable only where the card says', async () => {
    serve();
    renderCard(makeUser({ roles: ['agent'] }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()).toEqual([
      ['Tier', 'false'],
      ['Language', 'true'],
      ['City', 'false'],
    ]);
    expect(screen.getByText('Zagreb')).toBeTruthy();
    await userEvent.click(screen.getByTestId('card-see-more'));
    expect(rows().slice(3)).toEqual([
      ['VIP', 'false'],
      ['Renewal', 'true'],
    ]);
    expect(screen.getByText('Yes')).toBeTruthy();
    // Only the editable fields offer editing.
    expect(screen.queryByRole('button', { name: 'Edit Tier' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit Language' })).toBeTruthy();
    // The other conversations leave out the one on screen.
    expect(screen.getByText('#977 Old refund')).toBeTruthy();
    expect(screen.queryByText('#1042 Where is my order?')).toBeNull();
  });

  it('lets a supervisor edit every field', async () => {
    serve();
    renderCard(makeUser({ roles: ['agent', 'supervisor'] }));
    await waitFor(() =>
      expect(rows()).toEqual([
        ['Tier', 'true'],
        ['Language', 'true'],
        ['City', 'true'],
      ]),
    );
  });

  it('saves an edited value in place', async () => {
    const calls = serve();
    renderCard(makeUser({ roles: ['agent'] }));
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Language' }));
    const input = screen.getByRole('textbox', { name: 'Language' });
    await userEvent.clear(input);
    await userEvent.type(input, 'English{Enter}');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toEqual({
        method: 'PATCH',
        path: `/api/customers/${CUSTOMER_ID}`,
        body: { attributes: { Language: 'English' } },
      }),
    );
  });

  it('unlinks the conversation from the customer', async () => {
    const calls = serve();
    renderCard(makeUser({ roles: ['agent'] }));
    await userEvent.click(await screen.findByTestId('unlink-customer'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toEqual({
        method: 'PUT',
        path: `/api/conversations/${CONVERSATION_ID}/customer`,
        body: { customerId: null },
      }),
    );
  });

  it('offers linking for an unknown customer, and no change for a closed conversation', async () => {
    serve();
    const unknown = { ...conversation, customer: { id: null, name: null, address: '385911234567' } };
    const { unmount } = renderCard(makeUser({ roles: ['agent'] }), unknown);
    const cardEl = screen.getByTestId('customer-card');
    expect(within(cardEl).getByText('Unknown customer')).toBeTruthy();
    expect((within(cardEl).getByTestId('link-customer') as HTMLButtonElement).disabled).toBe(false);
    unmount();
    renderCard(makeUser({ roles: ['agent'] }), { ...conversation, status: 'CLOSED', closedAt: at });
    expect(((await screen.findByTestId('unlink-customer')) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('link-customer') as HTMLButtonElement).disabled).toBe(true);
  });
});

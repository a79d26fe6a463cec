import type { SimulatorConnection, SimulatorMessage } from '@parley/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../tags/route-fetch.ts';
import { SimulatorPage } from './SimulatorPage.tsx';

const WHATSAPP: SimulatorConnection = {
  id: '00000000-0000-4000-8000-000000000001',
  channel: 'WHATSAPP',
  provider: 'infobip',
  name: 'WhatsApp (sandbox)',
  sender: '447860099300',
  sandbox: true,
  customers: [{ address: '385911234567', name: 'Ana Horvat' }],
};
const MAIL: SimulatorConnection = {
  ...WHATSAPP,
  id: '00000000-0000-4000-8000-000000000002',
  channel: 'EMAIL',
  provider: 'email',
  name: 'Support mail',
  sender: 'support@shop.test',
  sandbox: false,
  customers: [],
};

const WIDGET = { id: '00000000-0000-4000-8000-000000000003', name: 'Shop chat', widgetId: 'shop-widget' };

const message = (over: Partial<SimulatorMessage>): SimulatorMessage => ({
  id: crypto.randomUUID(),
  direction: 'INBOUND',
  contentType: 'TEXT',
  text: 'Hi',
  deliveryState: 'RECEIVED',
  failureReason: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  ...over,
});

function setup() {
  const transcript = [
    message({ text: 'Where is my order?' }),
    message({ direction: 'OUTBOUND', text: 'It ships today.', deliveryState: 'DELIVERED' }),
    message({
      direction: 'OUTBOUND',
      text: 'Tracking follows.',
      deliveryState: 'FAILED',
      failureReason: 'Number blocked',
    }),
  ];
  const calls = routeFetch([
    ({ url }) =>
      url === '/api/simulator/connections'
        ? { body: { items: [WHATSAPP, MAIL], widgets: [WIDGET] } }
        : undefined,
    ({ url }) => (url.startsWith('/api/simulator/transcript') ? { body: { items: transcript } } : undefined),
    ({ method }) => (method === 'POST' ? { status: 202 } : undefined),
  ]);
  renderWithProviders(<SimulatorPage />, {
    session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'csrf' },
  });
  return { calls, user: userEvent.setup() };
}

describe('SimulatorPage', () => {
  it('plays a known customer: transcript with ticks and failure reason, sends through the API', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByTestId('simulator-connection'));
    await user.click(await screen.findByRole('option', { name: /WhatsApp \(sandbox\)/, hidden: true }));
    await user.click(screen.getByTestId('simulator-customer'));
    await user.click(await screen.findByRole('option', { name: /Ana Horvat/, hidden: true }));
    await waitFor(() => expect(screen.getAllByTestId('simulator-message')).toHaveLength(3));
    expect(screen.getByRole('img', { name: 'Delivered' })).toBeTruthy();
    expect(screen.getByTestId('simulator-failure').textContent).toBe('Not delivered: Number blocked');
    expect(screen.queryByTestId('real-provider-warning')).toBeNull();
    expect(
      calls.some(
        (c) => c.url === `/api/simulator/transcript?connectionId=${WHATSAPP.id}&customerAddress=385911234567`,
      ),
    ).toBe(true);

    await user.type(screen.getByLabelText('Customer message'), 'Thanks!{Enter}');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/simulator/messages',
      body: {
        connectionId: WHATSAPP.id,
        customerAddress: '385911234567',
        text: 'Thanks!',
        customerName: 'Ana Horvat',
      },
    });
  });

  it('suggests an address for a new customer and warns about a real provider', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('simulator-connection'));
    await user.click(await screen.findByRole('option', { name: /Support mail/, hidden: true }));
    await user.click(screen.getByTestId('simulator-customer'));
    await user.click(await screen.findByRole('option', { name: 'New customer…', hidden: true }));
    expect((screen.getByLabelText('Address') as HTMLInputElement).value).toMatch(
      /^customer-\d{5}@example\.com$/,
    );
    expect(screen.getByTestId('real-provider-warning')).toBeTruthy();
    expect(screen.getByLabelText('Subject')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Shop chat/ }).getAttribute('href')).toBe(
      '/widget-demo/shop-widget',
    );
  });
});

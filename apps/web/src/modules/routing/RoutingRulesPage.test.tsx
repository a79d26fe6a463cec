import type { RoutingRule, SimulateRoutingResult } from '@parley/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithProviders } from '../../test/render.tsx';
import { routeFetch } from '../tags/route-fetch.ts';
import { RoutingRulesPage } from './RoutingRulesPage.tsx';

const billing = { id: crypto.randomUUID(), name: 'Billing', isDefault: false, memberIds: [], createdAt: '' };
const vipTag = {
  id: crypto.randomUUID(),
  name: 'vip',
  color: '#228be6',
  kind: 'conversation',
  createdAt: '',
};

const rule = (name: string, order: number, expression: Record<string, unknown>): RoutingRule => ({
  id: crypto.randomUUID(),
  name,
  order,
  enabled: true,
  expression,
  queueId: billing.id,
  queueName: billing.name,
  priority: 'HIGH',
  tagIds: [vipTag.id],
  botId: null,
  routeOnlyDuringWorkingHours: false,
  createdAt: '',
  updatedAt: '',
});
const invoices = rule('Invoices', 1, { $contains: { 'message.text': ['invoice'] } });
const whatsapp = rule('WhatsApp', 2, { $in: { 'message.channel': ['WHATSAPP'] } });

function setup() {
  const simulation: SimulateRoutingResult = {
    decision: {
      matchedOrder: 2,
      ruleId: whatsapp.id,
      queueId: billing.id,
      queueName: 'Billing',
      priority: 'HIGH',
      tagIds: [vipTag.id],
      botId: null,
    },
    rules: [
      { order: 1, ruleId: invoices.id, name: 'Invoices', outcome: 'NOT_MATCHED' },
      { order: 2, ruleId: whatsapp.id, name: 'WhatsApp', outcome: 'MATCHED' },
    ],
  };
  const calls = routeFetch([
    ({ method, url }) =>
      url === '/api/routing/rules' && method === 'GET'
        ? { body: { items: [invoices, whatsapp] } }
        : undefined,
    ({ method, url, body }) =>
      url === '/api/routing/rules' && method === 'PUT'
        ? {
            body: {
              // Saved rules keep their identity; a new one gets an id like the server gives it.
              items: (
                body as { rules: { id?: string; name: string; expression: Record<string, unknown> }[] }
              ).rules.map((r, i) => ({
                ...([invoices, whatsapp].find((x) => x.id === r.id) ?? rule(r.name, 0, r.expression)),
                order: i + 1,
              })),
            },
          }
        : undefined,
    ({ url }) => (url === '/api/routing/simulate' ? { body: simulation } : undefined),
    ({ url }) => (url === '/api/queues' ? { body: { items: [billing] } } : undefined),
    ({ url }) => (url === '/api/tags?kind=conversation' ? { body: { items: [vipTag] } } : undefined),
    ({ url }) => (url === '/api/customer-attributes' ? { body: { items: [] } } : undefined),
    ({ url }) => (url === '/api/bots' ? { body: { items: [] } } : undefined),
  ]);
  renderWithProviders(<RoutingRulesPage />, {
    session: { user: makeUser({ roles: ['supervisor'] }), csrfToken: 'csrf' },
  });
  return { calls, user: userEvent.setup() };
}

const names = () => screen.getAllByTestId('routing-rule-row').map((r) => r.dataset.ruleName);

describe('RoutingRulesPage', () => {
  it('lists the rules in order with a readable condition and their actions', async () => {
    setup();
    await waitFor(() => expect(names()).toEqual(['Invoices', 'WhatsApp']));
    const first = screen.getAllByTestId('routing-rule-row')[0] as HTMLElement;
    await waitFor(() => expect(first.textContent).toContain('If Message text contains any of “invoice”'));
    expect(first.textContent).toContain('→ Billing');
    await waitFor(() => expect(first.textContent).toContain('vip'));
  });

  it('moves a rule down with the keyboard button and saves the new order', async () => {
    const { calls, user } = setup();
    await waitFor(() => expect(names()).toEqual(['Invoices', 'WhatsApp']));
    await user.click(screen.getByLabelText('Move Invoices down'));
    expect(names()).toEqual(['WhatsApp', 'Invoices']);
    await waitFor(() => {
      const put = calls.find((c) => c.method === 'PUT');
      expect((put?.body as { rules: { id: string }[] } | undefined)?.rules.map((r) => r.id)).toEqual([
        whatsapp.id,
        invoices.id,
      ]);
    });
  });

  it('reorders by dragging a row onto another', async () => {
    const { calls } = setup();
    await waitFor(() => expect(names()).toEqual(['Invoices', 'WhatsApp']));
    const [first, second] = screen.getAllByTestId('routing-rule-row') as [HTMLElement, HTMLElement];
    const store = new Map<string, string>();
    const dataTransfer = {
      effectAllowed: 'none',
      setData: (type: string, value: string) => store.set(type, value),
      getData: (type: string) => store.get(type) ?? '',
    };
    fireEvent.dragStart(second, { dataTransfer });
    fireEvent.dragOver(first, { dataTransfer });
    fireEvent.drop(first, { dataTransfer });
    await waitFor(() => expect(names()).toEqual(['WhatsApp', 'Invoices']));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
  });

  it('simulates a message and shows the matching rule, its queue and each rule’s outcome', async () => {
    const { calls, user } = setup();
    await waitFor(() => expect(names()).toHaveLength(2));
    await user.type(screen.getByTestId('simulate-text'), 'hello');
    await user.click(screen.getByRole('button', { name: 'Simulate' }));
    const result = await screen.findByTestId('simulate-result');
    expect(within(result).getByTestId('simulate-matched-rule').textContent).toBe('Rule 2 WhatsApp matches.');
    expect(within(result).getByTestId('simulate-queue').textContent).toBe('Billing');
    expect(within(result).getByTestId('simulate-priority').textContent).toBe('HIGH');
    expect(within(result).getByTestId('simulate-tags').textContent).toContain('vip');
    expect(screen.getAllByTestId('rule-outcome').map((b) => b.textContent)).toEqual(['No match', 'Matches']);
    expect(calls.find((c) => c.url === '/api/routing/simulate')?.body).toMatchObject({
      channel: 'WHATSAPP',
      text: 'hello',
    });
  });

  it('builds a new rule’s condition into the reference expression and appends it', async () => {
    const { calls, user } = setup();
    await waitFor(() => expect(names()).toHaveLength(2));
    await user.click(screen.getByTestId('routing-new-rule'));
    const form = await screen.findByTestId('rule-form');
    await user.type(within(form).getByLabelText('Name'), 'Refunds');
    await user.type(within(form).getByTestId('condition-value'), 'refund{Enter}money back{Enter}');
    await user.click(within(form).getByTestId('rule-save'));
    // No queue yet: refused in the form.
    expect(await within(form).findByText('Choose the queue')).toBeTruthy();
    await user.click(within(form).getByTestId('rule-queue'));
    await user.click(await screen.findByRole('option', { name: 'Billing', hidden: true }));
    await user.click(within(form).getByTestId('rule-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')?.body as { rules: Record<string, unknown>[] };
    expect(put.rules.map((r) => r.name)).toEqual(['Invoices', 'WhatsApp', 'Refunds']);
    expect(put.rules[2]).toMatchObject({
      expression: { $contains: { 'message.text': ['refund', 'money back'] } },
      queueId: billing.id,
      priority: 'NORMAL',
    });
  });
});

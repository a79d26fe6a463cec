import type { CustomerCardField } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { enforceCardEditing, viewOnlyChanges } from './customers.policy.ts';

const card: CustomerCardField[] = [
  {
    ref: { kind: 'custom', attributeId: crypto.randomUUID() },
    section: 'basic',
    agentEditable: false,
    label: 'VIP',
    type: 'yes_no',
    options: [],
  },
  {
    ref: { kind: 'custom', attributeId: crypto.randomUUID() },
    section: 'basic',
    agentEditable: true,
    label: 'Language',
    type: 'text',
    options: [],
  },
  {
    ref: { kind: 'standard', field: 'city' },
    section: 'additional',
    agentEditable: false,
    label: 'City',
    type: 'text',
    options: [],
  },
];
const agent = { kind: 'agent', userId: crypto.randomUUID() } as const;

describe('what agents may change through the card', () => {
  it('names the view-only fields a change touches; fields off the card stay editable', () => {
    expect(
      viewOnlyChanges(card, { standard: ['city', 'country'], attributes: ['VIP', 'Language', 'Plan'] }),
    ).toEqual(['VIP', 'City']);
    expect(viewOnlyChanges(card, { standard: ['gender'], attributes: ['Language', 'Plan'] })).toEqual([]);
  });

  it('refuses agents with attribute_not_editable and lets supervisors and integrations through', () => {
    expect(() => enforceCardEditing(agent, card, { standard: [], attributes: ['VIP'] })).toThrow(
      'Agents may only view "VIP": the customer card shows it read-only',
    );
    expect(() =>
      enforceCardEditing({ kind: 'supervisor', userId: agent.userId }, card, {
        standard: ['city'],
        attributes: ['VIP'],
      }),
    ).not.toThrow();
    expect(() =>
      enforceCardEditing({ kind: 'automation' }, card, { standard: ['city'], attributes: [] }),
    ).not.toThrow();
  });
});

import type { AttributeDefinition, CustomerCardConfig } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { layoutRequest, layoutRows, move, place } from './card-layout.ts';

const tier: AttributeDefinition = {
  id: crypto.randomUUID(),
  name: 'Tier',
  type: 'list',
  options: ['A'],
  createdAt: '',
};
const vip: AttributeDefinition = {
  id: crypto.randomUUID(),
  name: 'VIP',
  type: 'yes_no',
  options: [],
  createdAt: '',
};
const card: CustomerCardConfig = {
  fields: [
    {
      ref: { kind: 'custom', attributeId: vip.id },
      section: 'basic',
      agentEditable: true,
      label: 'VIP',
      type: 'yes_no',
      options: [],
    },
  ],
};

describe('card layout editing', () => {
  it('lists the card fields first, then every other field hidden', () => {
    expect(layoutRows(card, [tier, vip]).map((r) => [r.label, r.placement])).toEqual([
      ['VIP', 'basic'],
      ['Gender', 'hidden'],
      ['City', 'hidden'],
      ['Country', 'hidden'],
      ['Tier', 'hidden'],
    ]);
  });

  it('places and orders fields, and saves basic then additional in their order', () => {
    let rows = layoutRows(card, [tier, vip]);
    rows = place(rows, `custom:${tier.id}`, 'basic');
    rows = place(rows, 'standard:city', 'additional');
    rows = move(rows, `custom:${tier.id}`, -1);
    expect(layoutRequest(rows)).toEqual({
      fields: [
        { ref: { kind: 'custom', attributeId: tier.id }, section: 'basic', agentEditable: false },
        { ref: { kind: 'custom', attributeId: vip.id }, section: 'basic', agentEditable: true },
        { ref: { kind: 'standard', field: 'city' }, section: 'additional', agentEditable: false },
      ],
    });
    // Moving past the end of a section changes nothing.
    expect(move(rows, 'standard:city', 1)).toEqual(rows);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { listDefinitions } from '../customers/customer-attributes.repo.ts';
import { getCustomerCard } from '../customers/customer-card.service.ts';
import { insertCustomer } from '../customers/customers.repo.ts';
import { getCustomer, searchCustomers } from '../customers/customers.service.ts';
import { seedCustomerAttributes } from './seed-customer-attributes.ts';

let app: App;
let ctx: AppContext;

beforeAll(async () => {
  ({ app, ctx } = await buildTestApp());
});
afterAll(async () => {
  await app.close();
});

describe('demo customer attributes', () => {
  it('defines the attributes, gives the generated customers valid values and configures the card', async () => {
    const raw = {
      accountNumber: 'AC12345678',
      tier: 'Premium',
      plan: 'Unlimited 5G',
      customerSince: 2021,
      marketingOptIn: true,
    };
    const customer = await insertCustomer(ctx.db.orm, {
      name: 'Demo Person',
      country: 'Croatia',
      attributes: raw,
    });
    await ctx.db.orm.transaction((tx) => seedCustomerAttributes(tx, new Date('2026-05-01T00:00:00Z')));

    const definitions = await listDefinitions(ctx.db.orm);
    expect(definitions.map((d) => d.name)).toEqual([
      'Account number',
      'Contract renewal',
      'Customer since',
      'Customer tier',
      'Lifetime value',
      'Marketing opt-in',
      'Plan',
      'Preferred language',
      'VIP',
    ]);
    const seeded = await getCustomer(ctx.db.orm, customer.id);
    expect(seeded.attributes).toMatchObject({
      'Customer tier': 'Premium',
      VIP: true,
      'Account number': 'AC12345678',
      'Preferred language': 'Croatian',
      Plan: 'Unlimited 5G',
      'Marketing opt-in': true,
      'Customer since': 2021,
    });
    expect(seeded.attributes['Contract renewal']).toMatch(/^2026-|^2027-/);
    const card = await getCustomerCard(ctx.db.orm);
    expect(card.fields.filter((f) => f.section === 'basic').map((f) => f.label)).toEqual([
      'Customer tier',
      'VIP',
      'Account number',
      'Preferred language',
      'Lifetime value',
    ]);
    expect(card.fields.filter((f) => f.agentEditable).map((f) => f.label)).toEqual([
      'Preferred language',
      'Contract renewal',
      'Marketing opt-in',
      'City',
      'Country',
    ]);
    // Seeded profiles are searchable by their values.
    expect((await searchCustomers(ctx.db.orm, 'AC12345678')).map((c) => c.id)).toEqual([customer.id]);
  });
});

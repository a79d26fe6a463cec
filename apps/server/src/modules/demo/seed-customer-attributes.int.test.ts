import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { insertDefinition, listDefinitions } from '../customers/customer-attributes.repo.ts';
import { getCustomerCard } from '../customers/customer-card.service.ts';
import { insertCustomer } from '../customers/customers.repo.ts';
import { getCustomer, searchCustomers } from '../customers/customers.service.ts';
import { customerAttributesClash, seedCustomerAttributes } from './seed-customer-attributes.ts';

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
    // A profile of the installation's own, which the seed must leave as it is.
    const own = await insertCustomer(ctx.db.orm, { name: 'Real Person', attributes: { note: 'keep' } });
    await ctx.db.orm.transaction((tx) =>
      seedCustomerAttributes(tx, new Date('2026-05-01T00:00:00Z'), [customer.id]),
    );

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
      'Customer since': '2021',
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
    const untouched = await getCustomer(ctx.db.orm, own.id);
    expect(untouched.attributes).toEqual({ note: 'keep' });
    expect(untouched.tags).toEqual([]);
  });

  it('refuses, changing nothing, when the card is configured or a demo attribute name is taken', async () => {
    // The first test configured the card and defined the attributes.
    await expect(ctx.db.orm.transaction((tx) => seedCustomerAttributes(tx, new Date(), []))).rejects.toThrow(
      /customer attributes already exist: .*Customer tier/,
    );
    const fresh = await buildTestApp();
    try {
      await insertDefinition(fresh.ctx.db.orm, { name: 'vip', type: 'text', options: [] });
      expect(await customerAttributesClash(fresh.ctx.db.orm)).toBe('customer attributes already exist: vip');
      await expect(
        fresh.ctx.db.orm.transaction((tx) => seedCustomerAttributes(tx, new Date(), [])),
      ).rejects.toThrow(/vip/);
      expect((await listDefinitions(fresh.ctx.db.orm)).map((d) => d.name)).toEqual(['vip']);
    } finally {
      await fresh.app.close();
    }
  });
});

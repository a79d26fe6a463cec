import type { CustomerCardConfig } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomersWorld, codeOf, customersWorld } from './test-support.ts';

let w: CustomersWorld;

beforeAll(async () => {
  w = await customersWorld();
});
afterAll(async () => {
  await w.app.close();
});

describe('attribute definitions', () => {
  it('defines attributes of every type; names are unique ignoring case and not a standard field', async () => {
    for (const [name, type, options] of [
      ['Account number', 'text', []],
      ['Lifetime value', 'number', []],
      ['Contract renewal', 'date', []],
      ['VIP', 'yes_no', []],
      ['Customer tier', 'list', ['Standard', 'Plus', 'Premium']],
    ] as const) {
      await w.defineAttribute(name, type, [...options]);
    }
    const list = await w.call(w.agent, 'GET', '/api/customer-attributes');
    expect(list.body.items.map((d: { name: string }) => d.name)).toEqual([
      'Account number',
      'Contract renewal',
      'Customer tier',
      'Lifetime value',
      'VIP',
    ]);
    const twice = await w.call(w.supervisor, 'POST', '/api/customer-attributes', {
      name: 'vip',
      type: 'text',
    });
    expect([twice.status, codeOf(twice)]).toEqual([409, 'conflict']);
    for (const body of [
      { name: 'City', type: 'text' },
      { name: 'Tier', type: 'list', options: [] },
      { name: 'Size', type: 'text', options: ['S'] },
      { name: 'Size', type: 'list', options: ['S', 's'] },
      { name: ' ', type: 'text' },
      { name: 'Odd', type: 'colour' },
    ]) {
      const res = await w.call(w.supervisor, 'POST', '/api/customer-attributes', body);
      expect([res.status, codeOf(res)], JSON.stringify(body)).toEqual([400, 'validation_failed']);
    }
  });

  it('renames an attribute with every value; removes only options no profile holds', async () => {
    const plan = await w.defineAttribute('Plan', 'list', ['Prepaid', 'Unlimited']);
    const c = await w.createCustomer({ name: 'Plan Holder', attributes: { Plan: 'Unlimited' } });
    const renamed = await w.call(w.supervisor, 'PATCH', `/api/customer-attributes/${plan.id}`, {
      name: 'Mobile plan',
      options: ['Prepaid', 'Unlimited', 'Family'],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Mobile plan', options: ['Prepaid', 'Unlimited', 'Family'] });
    expect((await w.call(w.agent, 'GET', `/api/customers/${c.id}`)).body.attributes).toEqual({
      'Mobile plan': 'Unlimited',
    });
    const inUse = await w.call(w.supervisor, 'PATCH', `/api/customer-attributes/${plan.id}`, {
      options: ['Prepaid', 'Family'],
    });
    expect([inUse.status, codeOf(inUse)]).toEqual([409, 'conflict']);
    expect(inUse.body.error.message).toContain('"Unlimited" (1 customers)');
    const unused = await w.call(w.supervisor, 'PATCH', `/api/customer-attributes/${plan.id}`, {
      options: ['Unlimited', 'Family'],
    });
    expect(unused.status).toBe(200);
    const text = await w.defineAttribute('Notes', 'text');
    const noOptions = await w.call(w.supervisor, 'PATCH', `/api/customer-attributes/${text.id}`, {
      options: ['a'],
    });
    expect([noOptions.status, codeOf(noOptions)]).toEqual([400, 'validation_failed']);
  });

  it('deletes an attribute with its values; the card stops showing it', async () => {
    const shoe = await w.defineAttribute('Shoe size', 'number');
    const c = await w.createCustomer({ name: 'Shoe Owner', attributes: { 'Shoe size': 44 } });
    await w.call(w.supervisor, 'PUT', '/api/customer-card', {
      fields: [{ ref: { kind: 'custom', attributeId: shoe.id }, section: 'basic', agentEditable: true }],
    });
    expect((await w.call(w.supervisor, 'DELETE', `/api/customer-attributes/${shoe.id}`)).status).toBe(204);
    expect((await w.call(w.agent, 'GET', `/api/customers/${c.id}`)).body.attributes).toEqual({});
    expect((await w.call(w.agent, 'GET', '/api/customer-card')).body).toEqual({ fields: [] });
    expect((await w.call(w.agent, 'GET', '/api/customers?q=44')).body.items).toEqual([]);
  });
});

describe('customer card configuration', () => {
  it('stores basic then additional fields in order, each view-only or editable', async () => {
    const tier = await w.defineAttribute('Tier', 'list', ['Gold', 'Silver']);
    const renewal = await w.defineAttribute('Renewal', 'date');
    const res = await w.call(w.supervisor, 'PUT', '/api/customer-card', {
      fields: [
        { ref: { kind: 'custom', attributeId: renewal.id }, section: 'additional', agentEditable: true },
        { ref: { kind: 'custom', attributeId: tier.id }, section: 'basic', agentEditable: false },
        { ref: { kind: 'standard', field: 'gender' }, section: 'basic', agentEditable: true },
      ],
    });
    expect(res.status).toBe(200);
    const card = (await w.call(w.agent, 'GET', '/api/customer-card')).body as CustomerCardConfig;
    expect(card).toEqual(res.body);
    expect(card.fields).toEqual([
      {
        ref: { kind: 'custom', attributeId: tier.id },
        section: 'basic',
        agentEditable: false,
        label: 'Tier',
        type: 'list',
        options: ['Gold', 'Silver'],
      },
      {
        ref: { kind: 'standard', field: 'gender' },
        section: 'basic',
        agentEditable: true,
        label: 'Gender',
        type: 'list',
        options: ['MALE', 'FEMALE'],
      },
      {
        ref: { kind: 'custom', attributeId: renewal.id },
        section: 'additional',
        agentEditable: true,
        label: 'Renewal',
        type: 'date',
        options: [],
      },
    ]);
  });

  it('refuses more than 5 basic fields, a field twice and an unknown attribute', async () => {
    const ids = [];
    for (const n of [1, 2, 3, 4, 5, 6]) ids.push((await w.defineAttribute(`Basic ${n}`, 'text')).id);
    const basic = (id: string) => ({
      ref: { kind: 'custom', attributeId: id },
      section: 'basic',
      agentEditable: true,
    });
    const six = await w.call(w.supervisor, 'PUT', '/api/customer-card', { fields: ids.map(basic) });
    expect([six.status, codeOf(six)]).toEqual([400, 'validation_failed']);
    const twice = await w.call(w.supervisor, 'PUT', '/api/customer-card', {
      fields: [basic(ids[0] as string), { ...basic(ids[0] as string), section: 'additional' }],
    });
    expect([twice.status, codeOf(twice)]).toEqual([400, 'validation_failed']);
    const unknown = await w.call(w.supervisor, 'PUT', '/api/customer-card', {
      fields: [basic(crypto.randomUUID())],
    });
    expect([unknown.status, codeOf(unknown)]).toEqual([400, 'validation_failed']);
    const five = await w.call(w.supervisor, 'PUT', '/api/customer-card', {
      fields: [...ids.slice(0, 5).map(basic), { ...basic(ids[5] as string), section: 'additional' }],
    });
    expect(five.status).toBe(200);
  });
});

import type { Customer, CustomerDetail, Page } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../conversations/threading.ts';
import { createQueue } from '../queues/queues.service.ts';
import { type CustomersWorld, codeOf, customersWorld, expectAccess, SOME_ID } from './test-support.ts';

let w: CustomersWorld;

beforeAll(async () => {
  w = await customersWorld();
});
afterAll(async () => {
  await w.app.close();
});

describe('access to every customers route', () => {
  const routes = [
    { method: 'GET', url: '/api/customers', access: 'agent' },
    { method: 'GET', url: '/api/customer-tags', access: 'agent' },
    { method: 'GET', url: `/api/customers/${SOME_ID}`, access: 'agent' },
    { method: 'POST', url: '/api/customers', payload: { name: 'Ann' }, access: 'agent' },
    { method: 'PATCH', url: `/api/customers/${SOME_ID}`, payload: { name: 'Ann' }, access: 'agent' },
    { method: 'DELETE', url: `/api/customers/${SOME_ID}`, access: 'supervisor' },
    {
      method: 'POST',
      url: `/api/customers/${SOME_ID}/merge`,
      payload: { mergedCustomerId: SOME_ID },
      access: 'supervisor',
    },
    { method: 'POST', url: '/api/customers/import', payload: { csv: 'name\nAnn' }, access: 'supervisor' },
    { method: 'GET', url: '/api/customers/export', access: 'supervisor' },
    { method: 'GET', url: '/api/customer-attributes', access: 'agent' },
    {
      method: 'POST',
      url: '/api/customer-attributes',
      payload: { name: 'Plan', type: 'text' },
      access: 'supervisor',
    },
    {
      method: 'PATCH',
      url: `/api/customer-attributes/${SOME_ID}`,
      payload: { name: 'Plan' },
      access: 'supervisor',
    },
    { method: 'DELETE', url: `/api/customer-attributes/${SOME_ID}`, access: 'supervisor' },
    { method: 'GET', url: '/api/customer-card', access: 'agent' },
    { method: 'PUT', url: '/api/customer-card', payload: { fields: [] }, access: 'supervisor' },
    {
      method: 'PUT',
      url: `/api/conversations/${SOME_ID}/customer`,
      payload: { customerId: null },
      access: 'agent',
    },
  ] as const;
  for (const route of routes) {
    it(`${route.method} ${route.url}: 401 anonymous, 403 API key${route.access === 'supervisor' ? ', 403 agent' : ''}`, async () => {
      await expectAccess(w, route);
    });
  }

  it('answers 404 for unknown ids', async () => {
    const missing = [
      ['GET', `/api/customers/${SOME_ID}`, undefined],
      ['PATCH', `/api/customers/${SOME_ID}`, { name: 'Ann' }],
      ['DELETE', `/api/customers/${SOME_ID}`, undefined],
      ['PATCH', `/api/customer-attributes/${SOME_ID}`, { name: 'X' }],
      ['DELETE', `/api/customer-attributes/${SOME_ID}`, undefined],
      ['PUT', `/api/conversations/${SOME_ID}/customer`, { customerId: null }],
    ] as const;
    for (const [method, url, payload] of missing) {
      const res = await w.call(w.supervisor, method, url, payload);
      expect([res.status, codeOf(res)], `${method} ${url}`).toEqual([404, 'not_found']);
    }
  });

  it('answers 400 to bad bodies, ids, queries and cursors', async () => {
    const cursor = Buffer.from(JSON.stringify(['customers:name', 'a\u0000', crypto.randomUUID()])).toString(
      'base64url',
    );
    const bad = [
      ['POST', '/api/customers', { name: '' }],
      ['POST', '/api/customers', { name: 'A', destinations: [{ channel: 'FAX', address: '1' }] }],
      ['POST', '/api/customers', { name: 'A', destinations: [{ channel: 'SMS', address: 'call me' }] }],
      ['POST', '/api/customers', { name: 'A', destinations: [{ channel: 'EMAIL', address: 'nope' }] }],
      ['POST', '/api/customers', { name: 'A', tags: ['a;b'] }],
      ['POST', '/api/customers', { name: 'A', gender: 'OTHER' }],
      ['PATCH', `/api/customers/${SOME_ID}`, {}],
      ['GET', '/api/customers/nope', undefined],
      ['GET', '/api/customers?limit=0', undefined],
      ['GET', '/api/customers?cursor=garbage', undefined],
      ['GET', `/api/customers?cursor=${cursor}`, undefined],
      ['PUT', '/api/conversations/nope/customer', { customerId: null }],
      ['PUT', `/api/conversations/${SOME_ID}/customer`, { customerId: 'x' }],
    ] as const;
    for (const [method, url, payload] of bad) {
      const res = await w.call(w.agent, method, url, payload);
      expect([res.status, codeOf(res)], `${method} ${url} ${JSON.stringify(payload)}`).toEqual([
        400,
        'validation_failed',
      ]);
    }
  });
});

describe('customer profiles', () => {
  it('creates a profile with normalised addresses; an address another profile owns is refused naming it', async () => {
    const res = await w.call(w.agent, 'POST', '/api/customers', {
      name: 'Ana Horvat',
      gender: 'FEMALE',
      city: ' Zagreb ',
      country: 'Croatia',
      destinations: [
        { channel: 'SMS', address: '+385 91-100-0001' },
        { channel: 'EMAIL', address: 'Ana@Example.COM' },
      ],
      tags: ['VIP', 'vip', 'Newsletter'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Ana Horvat',
      city: 'Zagreb',
      destinations: [
        { channel: 'SMS', address: '385911000001' },
        { channel: 'EMAIL', address: 'ana@example.com' },
      ],
      tags: ['Newsletter', 'VIP'],
    });
    const taken = await w.call(w.agent, 'POST', '/api/customers', {
      name: 'Someone else',
      destinations: [{ channel: 'SMS', address: '385911000001' }],
    });
    expect([taken.status, codeOf(taken)]).toEqual([409, 'conflict']);
    expect(taken.body.error.message).toBe('SMS 385911000001 already belongs to Ana Horvat');
    expect(taken.body.error.details).toMatchObject({ customerId: res.body.id, customerName: 'Ana Horvat' });
  });

  it('checks attribute values against their definitions and reports every problem', async () => {
    await w.defineAttribute('Lifetime value', 'number');
    await w.defineAttribute('Tier', 'list', ['Standard', 'Premium']);
    const bad = await w.call(w.agent, 'POST', '/api/customers', {
      name: 'Bad Values',
      attributes: { 'Lifetime value': 'lots', Tier: 'Gold', Shoe: 42 },
    });
    expect([bad.status, codeOf(bad)]).toEqual([400, 'validation_failed']);
    expect(bad.body.error.details.problems).toEqual([
      'Lifetime value: must be a number',
      'Tier: must be one of "Standard", "Premium"',
      'Unknown attribute "Shoe": a supervisor defines attributes first',
    ]);
    const good = await w.call(w.agent, 'POST', '/api/customers', {
      name: 'Good Values',
      attributes: { 'lifetime VALUE': 1200.5, tier: 'premium' },
    });
    expect(good.status).toBe(201);
    expect(good.body.attributes).toEqual({ 'Lifetime value': 1200.5, Tier: 'Premium' });
  });

  it('searches name, place, address (typed as a phone number), tag and attribute value in keyset pages', async () => {
    await w.defineAttribute('Plan', 'text');
    const names = ['Pia Page', 'Ivo Page', 'Eva Page', 'Luka Page', 'Ante Page'];
    for (const [i, name] of names.entries()) {
      await w.createCustomer({ name, destinations: [{ channel: 'WHATSAPP', address: `4477000${i}` }] });
    }
    const seen: string[] = [];
    let url = '/api/customers?q=page&limit=2';
    for (let pages = 0; pages < 5; pages++) {
      const page = (await w.call(w.agent, 'GET', url)).body as Page<Customer>;
      seen.push(...page.items.map((c) => c.name ?? ''));
      if (!page.nextCursor) break;
      url = `/api/customers?q=page&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual([...names].sort());
    await w.createCustomer({
      name: 'Marta Search',
      city: 'Split',
      tags: ['Wholesale'],
      attributes: { Plan: 'Unlimited 5G' },
      destinations: [{ channel: 'SMS', address: '385981234567' }],
    });
    const found = async (q: string) =>
      (
        (await w.call(w.agent, 'GET', `/api/customers?q=${encodeURIComponent(q)}`)).body as Page<Customer>
      ).items.map((c) => c.name);
    expect(await found('+385 98 123')).toEqual(['Marta Search']);
    expect(await found('wholesale')).toEqual(['Marta Search']);
    expect(await found('unlimited 5g')).toEqual(['Marta Search']);
    expect(await found('SPLIT')).toEqual(['Marta Search']);
    expect(await found('44770003')).toEqual(['Luka Page']);
  });

  it('changes a profile: fields, attributes (null clears), destinations and tags replaced', async () => {
    await w.defineAttribute('Nickname', 'text');
    const c = await w.createCustomer({
      name: 'Change Me',
      attributes: { Nickname: 'Chaz' },
      destinations: [{ channel: 'SMS', address: '385911000077' }],
      tags: ['old'],
    });
    const res = await w.call(w.agent, 'PATCH', `/api/customers/${c.id}`, {
      name: 'Changed',
      country: 'Ireland',
      attributes: { Nickname: null },
      destinations: [
        { channel: 'SMS', address: '385911000077' },
        { channel: 'TELEGRAM', address: 'changed_tg' },
      ],
      tags: ['new'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Changed',
      country: 'Ireland',
      attributes: {},
      destinations: [
        { channel: 'SMS', address: '385911000077' },
        { channel: 'TELEGRAM', address: 'changed_tg' },
      ],
      tags: ['new'],
    });
    const other = await w.createCustomer({
      name: 'Other',
      destinations: [{ channel: 'VIBER', address: '38599111222' }],
    });
    const taken = await w.call(w.agent, 'PATCH', `/api/customers/${c.id}`, {
      destinations: [{ channel: 'VIBER', address: '38599111222' }],
    });
    expect([taken.status, taken.body.error.message]).toEqual([
      409,
      'VIBER 38599111222 already belongs to Other',
    ]);
    expect((await w.call(w.agent, 'GET', `/api/customers/${other.id}`)).body.destinations).toHaveLength(1);
  });

  it('refuses an agent a change of what the card shows view-only; supervisors change everything', async () => {
    const vip = await w.defineAttribute('VIP', 'yes_no');
    const language = await w.defineAttribute('Language', 'text');
    const card = await w.call(w.supervisor, 'PUT', '/api/customer-card', {
      fields: [
        { ref: { kind: 'custom', attributeId: vip.id }, section: 'basic', agentEditable: false },
        { ref: { kind: 'custom', attributeId: language.id }, section: 'basic', agentEditable: true },
        { ref: { kind: 'standard', field: 'country' }, section: 'additional', agentEditable: false },
      ],
    });
    expect(card.status).toBe(200);
    const c = await w.createCustomer({ name: 'Card Rules', country: 'Spain', attributes: { VIP: false } });
    const patch = (who: typeof w.agent, body: object) => w.call(who, 'PATCH', `/api/customers/${c.id}`, body);

    const refused = await patch(w.agent, { attributes: { VIP: true, Language: 'es' } });
    expect([refused.status, codeOf(refused)]).toEqual([403, 'attribute_not_editable']);
    expect(refused.body.error.message).toContain('"VIP"');
    const country = await patch(w.agent, { country: 'France' });
    expect([country.status, codeOf(country)]).toEqual([403, 'attribute_not_editable']);
    // Nothing of a refused request was written.
    expect((await w.call(w.agent, 'GET', `/api/customers/${c.id}`)).body.attributes).toEqual({ VIP: false });

    expect((await patch(w.agent, { attributes: { Language: 'es', VIP: false } })).status).toBe(200);
    expect((await patch(w.agent, { city: 'Madrid', name: 'Card Rules II' })).status).toBe(200);
    const bySupervisor = await patch(w.supervisor, { attributes: { VIP: true }, country: 'France' });
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body).toMatchObject({
      country: 'France',
      city: 'Madrid',
      attributes: { VIP: true, Language: 'es' },
    });

    // Creating a profile is held to the same rule: an agent gives no view-only field a value.
    const create = (who: typeof w.agent, body: object) =>
      w.call(who, 'POST', '/api/customers', { name: 'New One', destinations: [], ...body });
    const viewOnly = await create(w.agent, { attributes: { VIP: true } });
    expect([viewOnly.status, codeOf(viewOnly)]).toEqual([403, 'attribute_not_editable']);
    const viewOnlyCountry = await create(w.agent, { country: 'Spain' });
    expect([viewOnlyCountry.status, codeOf(viewOnlyCountry)]).toEqual([403, 'attribute_not_editable']);
    // Empty values, editable fields, destinations and tags are the agent's to give.
    const allowed = await create(w.agent, {
      attributes: { Language: 'es', VIP: null },
      country: '',
      city: 'Madrid',
      tags: ['new'],
      destinations: [{ channel: 'SMS', address: '385917770001' }],
    });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(201);
    expect((await create(w.supervisor, { attributes: { VIP: true }, country: 'Spain' })).status).toBe(201);
    await w.call(w.supervisor, 'PUT', '/api/customer-card', { fields: [] });
  });

  it('shows the profile with the conversations the viewer may see', async () => {
    const customer = await w.createCustomer({ name: 'Card Holder' });
    const SUPERVISOR = { kind: 'supervisor', userId: w.supervisor.user.id } as const;
    const hidden = await createQueue(w.ctx.events, 'Hidden');
    const open = await createConversation(w.ctx.events, SUPERVISOR, {
      customerId: customer.id,
      topic: 'Visible',
    });
    const secret = await createConversation(w.ctx.events, SUPERVISOR, {
      customerId: customer.id,
      topic: 'Secret',
      queueId: hidden.id,
    });
    const asAgent = await w.call(w.agent, 'GET', `/api/customers/${customer.id}`);
    expect(asAgent.status).toBe(200);
    expect((asAgent.body as CustomerDetail).conversations.map((c) => c.id)).toEqual([open.id]);
    const asSupervisor = await w.call(w.supervisor, 'GET', `/api/customers/${customer.id}`);
    expect((asSupervisor.body as CustomerDetail).conversations.map((c) => c.id)).toEqual([
      secret.id,
      open.id,
    ]);
    // The recorded changes name conversations too: those the viewer may not see are left out.
    const other = await w.createCustomer({ name: 'Other Holder' });
    for (const c of [open, secret]) {
      const linked = await w.call(w.supervisor, 'PUT', `/api/conversations/${c.id}/customer`, {
        customerId: other.id,
      });
      expect(linked.status).toBe(200);
    }
    const changesOf = async (who: typeof w.agent, id: string) =>
      ((await w.call(who, 'GET', `/api/customers/${id}`)).body as CustomerDetail).changes.map(
        (c) => c.conversationId,
      );
    expect(await changesOf(w.agent, other.id)).toEqual([open.id]);
    expect(await changesOf(w.agent, customer.id)).toEqual([open.id]);
    expect((await changesOf(w.supervisor, other.id)).sort()).toEqual([open.id, secret.id].sort());
  });

  it('deletes a profile (supervisors): its conversations stay as unknown customer with their address', async () => {
    const customer = await w.createCustomer({
      name: 'Gone Soon',
      destinations: [{ channel: 'SMS', address: '385911000099' }],
      tags: ['x'],
    });
    const SUPERVISOR = { kind: 'supervisor', userId: w.supervisor.user.id } as const;
    const conv = await createConversation(w.ctx.events, SUPERVISOR, {
      customerId: customer.id,
      channel: 'SMS',
      ourAddress: '44999',
      customerAddress: '385911000099',
    });
    expect((await w.call(w.supervisor, 'DELETE', `/api/customers/${customer.id}`)).status).toBe(204);
    expect((await w.call(w.supervisor, 'GET', `/api/customers/${customer.id}`)).status).toBe(404);
    const after = await w.call(w.supervisor, 'GET', `/api/conversations/${conv.id}`);
    expect(after.body.customer).toEqual({ id: null, name: null, address: '385911000099' });
    // The address is free again for another profile.
    await w.createCustomer({
      name: 'New Owner',
      destinations: [{ channel: 'SMS', address: '385911000099' }],
    });
  });

  it('offers the tag names in use', async () => {
    await w.createCustomer({ name: 'Tagged', tags: ['Zeta', 'alpha'] });
    const res = await w.call(w.agent, 'GET', '/api/customer-tags');
    expect(res.body.items).toEqual(expect.arrayContaining(['alpha', 'Zeta']));
  });
});

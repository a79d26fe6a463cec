import type { CustomerDetail } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConversationStatus } from '../conversations/conversations.service.ts';
import { createConversation } from '../conversations/threading.ts';
import { type CustomersWorld, codeOf, customersWorld, SOME_ID } from './test-support.ts';

let w: CustomersWorld;

beforeAll(async () => {
  w = await customersWorld();
  await w.defineAttribute('Tier', 'list', ['Standard', 'Premium']);
  await w.defineAttribute('Plan', 'text');
});
afterAll(async () => {
  await w.app.close();
});

/** The ids of the events recorded so far (a clock is too coarse: an event may share its millisecond). */
async function eventIds(): Promise<string[]> {
  const { rows } = await w.db.pool.query<{ id: string }>('select id from outbox_events');
  return rows.map((r) => r.id);
}

/** The types of the events recorded since `eventIds()` answered `before`, sorted. */
async function eventsSince(before: readonly string[]): Promise<string[]> {
  const { rows } = await w.db.pool.query<{ type: string }>(
    'select type from outbox_events where not (id = any($1::uuid[])) order by type',
    [before],
  );
  return rows.map((r) => r.type);
}

describe('merging duplicate profiles', () => {
  it('moves addresses, tags and conversations to the kept profile and fills its empty values', async () => {
    const supervisor = { kind: 'supervisor', userId: w.supervisor.user.id } as const;
    const kept = await w.createCustomer({
      name: 'Ana Horvat',
      attributes: { Tier: 'Premium' },
      destinations: [{ channel: 'SMS', address: '385911111111' }],
      tags: ['vip'],
    });
    const merged = await w.createCustomer({
      name: 'A. Horvat',
      gender: 'FEMALE',
      city: 'Zagreb',
      attributes: { Tier: 'Standard', Plan: 'Unlimited' },
      destinations: [{ channel: 'EMAIL', address: 'ana.h@example.com' }],
      tags: ['VIP', 'newsletter'],
    });
    const keptConversation = await createConversation(w.ctx.events, supervisor, { customerId: kept.id });
    const open = await createConversation(w.ctx.events, supervisor, {
      customerId: merged.id,
      topic: 'Open one',
    });
    const closed = await createConversation(w.ctx.events, supervisor, { customerId: merged.id });
    await setConversationStatus(w.ctx.events, supervisor, closed.id, 'CLOSED');
    const before = await eventIds();

    const res = await w.call(w.supervisor, 'POST', `/api/customers/${kept.id}/merge`, {
      mergedCustomerId: merged.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: kept.id,
      name: 'Ana Horvat',
      gender: 'FEMALE',
      city: 'Zagreb',
      attributes: { Tier: 'Premium', Plan: 'Unlimited' },
      destinations: [
        { channel: 'SMS', address: '385911111111' },
        { channel: 'EMAIL', address: 'ana.h@example.com' },
      ],
      tags: ['newsletter', 'vip'],
    });
    expect((await w.call(w.supervisor, 'GET', `/api/customers/${merged.id}`)).status).toBe(404);
    const detail = (await w.call(w.supervisor, 'GET', `/api/customers/${kept.id}`)).body as CustomerDetail;
    expect(detail.conversations.map((c) => c.id).sort()).toEqual(
      [keptConversation.id, open.id, closed.id].sort(),
    );
    expect(detail.changes).toMatchObject([
      {
        kind: 'merged',
        text: 'Merged A. Horvat into this profile: 2 conversations and 1 addresses moved',
        actor: { id: w.supervisor.user.id },
      },
    ]);
    // Open views of the moved conversations hear of it; the merge itself is an event too.
    expect(await eventsSince(before)).toEqual([
      'conversation.updated',
      'conversation.updated',
      'customer.merged',
    ]);
    // The merged profile's address now recognises the kept customer.
    const search = await w.call(w.agent, 'GET', '/api/customers?q=ana.h@example.com');
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual([kept.id]);
  });

  it('refuses merging a profile with itself (400), an unknown one (404), and agents (403)', async () => {
    const c = await w.createCustomer({ name: 'Solo' });
    const self = await w.call(w.supervisor, 'POST', `/api/customers/${c.id}/merge`, {
      mergedCustomerId: c.id,
    });
    expect([self.status, codeOf(self)]).toEqual([400, 'validation_failed']);
    const unknown = await w.call(w.supervisor, 'POST', `/api/customers/${c.id}/merge`, {
      mergedCustomerId: SOME_ID,
    });
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'not_found']);
    const other = await w.createCustomer({ name: 'Other' });
    const agent = await w.call(w.agent, 'POST', `/api/customers/${c.id}/merge`, {
      mergedCustomerId: other.id,
    });
    expect(agent.status).toBe(403);
    expect((await w.call(w.agent, 'GET', `/api/customers/${other.id}`)).status).toBe(200);
  });
});

import type { Conversation, CustomerDetail } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConversationStatus } from '../conversations/conversations.service.ts';
import { createDesk, type Desk } from '../conversations/test-fixtures.ts';
import { createConversation } from '../conversations/threading.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { createQueue } from '../queues/queues.service.ts';
import { type CustomersWorld, codeOf, customersWorld } from './test-support.ts';

let w: CustomersWorld;
let desk: Desk;

beforeAll(async () => {
  w = await customersWorld();
  desk = await createDesk(w.db);
});
afterAll(async () => {
  await w.app.close();
});

let n = 0;
/** A fresh customer address on the desk's SMS thread. */
const nextAddress = () => `38597${String(++n).padStart(7, '0')}`;

async function inbound(from: string): Promise<string> {
  const result = await ingestInbound(desk.events, desk.inbound({ from }));
  if (result.duplicate) throw new Error('duplicate');
  return result.conversationId;
}

const link = (conversationId: string, customerId: string | null, who = w.agent) =>
  w.call(who, 'PUT', `/api/conversations/${conversationId}/customer`, { customerId });

const profile = async (id: string) =>
  (await w.call(w.supervisor, 'GET', `/api/customers/${id}`)).body as CustomerDetail;

describe('linking and unlinking a conversation (D6)', () => {
  it('links an unknown customer conversation: the address joins the profile and is recognised from then on', async () => {
    const address = nextAddress();
    const conversationId = await inbound(address);
    const ana = await w.createCustomer({ name: 'Ana Link' });
    const res = await link(conversationId, ana.id);
    expect(res.status).toBe(200);
    expect((res.body as Conversation).customer).toEqual({ id: ana.id, name: 'Ana Link', address });
    const after = await profile(ana.id);
    expect(after.destinations).toEqual([{ channel: 'SMS', address }]);
    expect(after.conversations.map((c) => c.id)).toEqual([conversationId]);
    expect(after.changes[0]).toMatchObject({
      kind: 'conversation_linked',
      conversationId,
      actor: { id: w.agent.user.id },
    });
    expect(after.changes[0]?.text).toMatch(
      new RegExp(`^Conversation #\\d+ linked to this profile; ${address} added`),
    );
    // The next conversation from that address starts as Ana's.
    await setConversationStatus(w.ctx.events, desk.supervisor, conversationId, 'CLOSED');
    const next = await inbound(address);
    expect((await w.call(w.supervisor, 'GET', `/api/conversations/${next}`)).body.customer.id).toBe(ana.id);
  });

  it('unlinks from the wrong profile, which loses the address, so the next message does not link it back', async () => {
    const address = nextAddress();
    const wrong = await w.createCustomer({
      name: 'Wrong Person',
      destinations: [{ channel: 'SMS', address }],
    });
    const conversationId = await inbound(address);
    expect((await w.call(w.agent, 'GET', `/api/conversations/${conversationId}`)).body.customer.id).toBe(
      wrong.id,
    );

    const res = await link(conversationId, null);
    expect(res.body.customer).toEqual({ id: null, name: null, address });
    const wrongAfter = await profile(wrong.id);
    expect(wrongAfter.destinations).toEqual([]);
    expect(wrongAfter.conversations).toEqual([]);
    expect(wrongAfter.changes[0]).toMatchObject({ kind: 'conversation_unlinked', conversationId });

    expect(await inbound(address)).toBe(conversationId);
    expect(
      (await w.call(w.agent, 'GET', `/api/conversations/${conversationId}`)).body.customer.id,
    ).toBeNull();

    const right = await w.createCustomer({ name: 'Right Person' });
    await link(conversationId, right.id);
    expect((await profile(right.id)).destinations).toEqual([{ channel: 'SMS', address }]);
  });

  it('moves the address from the old profile when relinking directly; a third holder keeps it', async () => {
    const address = nextAddress();
    const a = await w.createCustomer({ name: 'Holder A', destinations: [{ channel: 'SMS', address }] });
    const b = await w.createCustomer({ name: 'Holder B' });
    const conversationId = await inbound(address);
    await link(conversationId, b.id);
    expect((await profile(a.id)).destinations).toEqual([]);
    expect((await profile(b.id)).destinations).toEqual([{ channel: 'SMS', address }]);

    const third = nextAddress();
    const holder = await w.createCustomer({
      name: 'Third Holder',
      destinations: [{ channel: 'SMS', address: third }],
    });
    const other = await createConversation(w.ctx.events, desk.supervisor, {
      customerId: a.id,
      channel: 'SMS',
      ourAddress: '44777',
      customerAddress: third,
    });
    await link(other.id, b.id);
    expect((await profile(holder.id)).destinations).toEqual([{ channel: 'SMS', address: third }]);
    expect((await profile(b.id)).destinations).toEqual([{ channel: 'SMS', address }]);
  });

  it('records conversation.updated so open views change live', async () => {
    const conversationId = await inbound(nextAddress());
    const c = await w.createCustomer({ name: 'Live Push' });
    await link(conversationId, c.id);
    const { rows } = await w.db.pool.query<{ payload: { changes: unknown } }>(
      "select payload from outbox_events where type = 'conversation.updated' and payload->>'conversationId' = $1",
      [conversationId],
    );
    expect(rows.map((r) => r.payload.changes)).toEqual([{ customerId: c.id }]);
  });

  it('refuses a CLOSED conversation (409), an unknown customer (404) and a conversation the agent cannot see (404)', async () => {
    const c = await w.createCustomer({ name: 'Refusals' });
    const closed = await inbound(nextAddress());
    await setConversationStatus(w.ctx.events, desk.supervisor, closed, 'CLOSED');
    const res = await link(closed, c.id);
    expect([res.status, codeOf(res)]).toEqual([409, 'conversation_closed']);

    const open = await inbound(nextAddress());
    const unknown = await link(open, crypto.randomUUID());
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 'not_found']);

    const hidden = await createQueue(w.ctx.events, 'Hidden from the agent');
    const secret = await createConversation(w.ctx.events, desk.supervisor, { queueId: hidden.id });
    const invisible = await link(secret.id, c.id);
    expect([invisible.status, codeOf(invisible)]).toEqual([404, 'not_found']);
    expect((await link(secret.id, c.id, w.supervisor)).status).toBe(200);
  });

  it('runs concurrently with merges of the linked profile without deadlocks or lost links', async () => {
    for (let i = 0; i < 12; i++) {
      const address = nextAddress();
      const merged = await w.createCustomer({
        name: `Dup ${i}`,
        destinations: [{ channel: 'SMS', address }],
      });
      const kept = await w.createCustomer({ name: `Kept ${i}` });
      const other = await w.createCustomer({ name: `Other ${i}` });
      const conversationId = await inbound(address);
      // Half the links go to the kept profile itself, half to a third one.
      const target = i % 2 === 0 ? kept.id : other.id;
      const [linked, merge] = await Promise.all([
        link(conversationId, target, w.supervisor),
        w.call(w.supervisor, 'POST', `/api/customers/${kept.id}/merge`, { mergedCustomerId: merged.id }),
      ]);
      expect(merge.status, JSON.stringify(merge.body)).toBe(200);
      expect([200, 409], JSON.stringify(linked.body)).toContain(linked.status);
      const now = (await w.call(w.supervisor, 'GET', `/api/conversations/${conversationId}`)).body;
      expect(now.customer.id).toBe(linked.status === 200 ? target : kept.id);
      expect((await w.call(w.supervisor, 'GET', `/api/customers/${merged.id}`)).status).toBe(404);
    }
  });
});

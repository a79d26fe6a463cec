import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { assignConversationToMe, setConversationStatus } from '../conversations/conversations.service.ts';
import { createDesk, type Desk, logOf } from '../conversations/test-fixtures.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { ingestInbound, ingestInboundBatchInTx } from './inbound.service.ts';
import { sendAgentMessage } from './messages.service.ts';

let db: Db;
let desk: Desk;

beforeAll(async () => {
  db = await createTestDb({ poolSize: 16 });
  desk = await createDesk(db);
});

let n = 0;
/** A customer address no other test uses. */
const freshAddress = () => `38591${String(++n).padStart(6, '0')}`;

async function ingested(overrides: Parameters<Desk['inbound']>[0]) {
  const result = await ingestInbound(desk.events, desk.inbound(overrides));
  if (result.duplicate) throw new Error('unexpected duplicate');
  const conversation = await findConversationById(db.orm, result.conversationId);
  if (!conversation) throw new Error('conversation missing');
  return { ...result, conversation };
}

async function eventTypes(conversationId: string): Promise<string[]> {
  const { rows } = await db.pool.query(
    `select type from outbox_events where payload->>'conversationId' = $1 order by occurred_at, type`,
    [conversationId],
  );
  return rows.map((r) => r.type);
}

async function messageCount(conversationId: string): Promise<number> {
  const { rows } = await db.pool.query('select count(*)::int as n from messages where conversation_id = $1', [
    conversationId,
  ]);
  return rows[0].n;
}

describe('inbound pipeline', () => {
  it('starts an OPEN conversation in the Default queue for an unknown customer, keeping the address', async () => {
    const from = freshAddress();
    const r = await ingested({ from, content: { text: 'Where is my order?' } });
    expect(r.createdConversation).toBe(true);
    expect(r.conversation).toMatchObject({
      status: 'OPEN',
      priority: 'NORMAL',
      queueId: desk.defaultQueue.id,
      customerId: null,
      assigneeUserId: null,
      channel: 'SMS',
      ourAddress: '44123',
      customerAddress: from,
      channels: ['SMS'],
      topic: `Talking with ${from}`,
    });
    expect(r.conversation.pendingSince).toEqual(r.conversation.lastCustomerMessageAt);
    expect(r.conversation.pendingSince).not.toBeNull();
    const { rows } = await db.pool.query('select * from messages where id = $1', [r.messageId]);
    expect(rows[0]).toMatchObject({
      direction: 'INBOUND',
      author_kind: 'CUSTOMER',
      delivery_state: 'RECEIVED',
      from_address: from,
      to_address: '44123',
      content: { text: 'Where is my order?' },
    });
    expect(await eventTypes(r.conversationId)).toEqual(['conversation.created', 'message.received']);
  });

  it("names the topic after the channel's display name when the sender is unknown", async () => {
    const r = await ingested({ from: freshAddress(), customerName: 'Maja' });
    expect(r.conversation).toMatchObject({ topic: 'Talking with Maja', customerId: null });
  });

  it('recognises a known customer by channel and address', async () => {
    const from = freshAddress();
    const customer = await createCustomer(desk.events, {
      name: 'Ana Horvat',
      destinations: [{ channel: 'SMS', address: from }],
    });
    const r = await ingested({ from, customerName: 'ignored' });
    expect(r.conversation).toMatchObject({ customerId: customer.id, topic: 'Talking with Ana Horvat' });
    // The same address on another channel is another destination: not recognised.
    const other = await ingested({ from, channel: 'WHATSAPP' });
    expect(other.conversation.customerId).toBeNull();
  });

  it.each([
    ['one by one', false],
    ['in a batch', true],
  ])('links an open conversation to a profile created after it started (%s)', async (_, batched) => {
    const from = freshAddress();
    const first = await ingested({ from });
    await setConversationStatus(desk.events, desk.supervisor, first.conversationId, 'SOLVED');
    const customer = await createCustomer(desk.events, {
      name: 'Late Profile',
      destinations: [{ channel: 'SMS', address: from }],
    });
    const msgs = [desk.inbound({ from }), desk.inbound({ from })];
    const results = batched ? await desk.events.transact((scope) => ingestInboundBatchInTx(scope, msgs)) : [];
    if (!batched) for (const m of msgs) results.push(await ingestInbound(desk.events, m));
    for (const r of results) expect(r).toMatchObject({ conversationId: first.conversationId });
    expect(await findConversationById(db.orm, first.conversationId)).toMatchObject({
      customerId: customer.id,
      status: 'OPEN',
      topic: first.conversation.topic,
    });
    const { rows } = await db.pool.query(
      `select payload from outbox_events where type = 'conversation.updated' and payload->>'conversationId' = $1`,
      [first.conversationId],
    );
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ actor: { kind: 'system' }, changes: { customerId: customer.id } }),
    ]);
  });

  it('joins the open conversation of the thread; pending keeps its start, the last message time moves', async () => {
    const from = freshAddress();
    const first = await ingested({ from });
    const second = await ingested({ from });
    expect(second.createdConversation).toBe(false);
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.conversation.pendingSince).toEqual(first.conversation.pendingSince);
    expect(second.conversation.lastCustomerMessageAt?.getTime()).toBeGreaterThanOrEqual(
      first.conversation.lastCustomerMessageAt?.getTime() ?? 0,
    );
    expect(await messageCount(first.conversationId)).toBe(2);
  });

  it('keeps threads apart by channel and by our address', async () => {
    const from = freshAddress();
    const sms = await ingested({ from });
    const otherNumber = await ingested({ from, to: '44999' });
    const viber = await ingested({ from, channel: 'VIBER' });
    expect(new Set([sms.conversationId, otherNumber.conversationId, viber.conversationId]).size).toBe(3);
  });

  it('acknowledges a repeated provider message id and changes nothing', async () => {
    const msg = desk.inbound({ from: freshAddress() });
    const first = await ingestInbound(desk.events, msg);
    if (first.duplicate) throw new Error('first cannot be a duplicate');
    const before = await findConversationById(db.orm, first.conversationId);
    expect(await ingestInbound(desk.events, { ...msg, content: { text: 'again' } })).toEqual({
      duplicate: true,
    });
    expect(await findConversationById(db.orm, first.conversationId)).toEqual(before);
    expect(await messageCount(first.conversationId)).toBe(1);
    // The same provider id on another channel is another message.
    const elsewhere = await ingestInbound(desk.events, { ...msg, channel: 'TELEGRAM' });
    expect(elsewhere.duplicate).toBe(false);
  });

  it('reopens SOLVED and WAITING conversations, logged as system', async () => {
    const from = freshAddress();
    const { conversationId } = await ingested({ from });
    for (const status of ['SOLVED', 'WAITING'] as const) {
      await setConversationStatus(desk.events, desk.supervisor, conversationId, status);
      const again = await ingested({ from });
      expect(again.conversationId).toBe(conversationId);
      expect(again.conversation.status).toBe('OPEN');
    }
    const log = await logOf(db, conversationId);
    expect(log.filter((e) => e.actorKind === 'system')).toEqual([
      { kind: 'status', from: 'SOLVED', to: 'OPEN', actorKind: 'system', actorUserId: null },
      { kind: 'status', from: 'WAITING', to: 'OPEN', actorKind: 'system', actorUserId: null },
    ]);
  });

  it('starts a new conversation after CLOSED and leaves the closed one untouched', async () => {
    const from = freshAddress();
    const first = await ingested({ from });
    const closed = await setConversationStatus(desk.events, desk.supervisor, first.conversationId, 'CLOSED');
    expect(closed.pendingSince).toBeNull();
    const next = await ingested({ from });
    expect(next.createdConversation).toBe(true);
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(await findConversationById(db.orm, first.conversationId)).toEqual(closed);
  });

  it('ends pending on an agent reply and starts it again on the next customer message', async () => {
    const from = freshAddress();
    const first = await ingested({ from });
    await assignConversationToMe(desk.events, desk.agentA, first.conversationId);
    await sendAgentMessage(desk.events, desk.agentA, first.conversationId, {
      contentType: 'TEXT',
      content: { text: 'On it' },
    });
    expect((await findConversationById(db.orm, first.conversationId))?.pendingSince).toBeNull();
    const again = await ingested({ from });
    expect(again.conversation.pendingSince).toEqual(again.conversation.lastCustomerMessageAt);
  });

  it('starts exactly one conversation when first messages of one thread arrive at once', async () => {
    const from = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => ingestInbound(desk.events, desk.inbound({ from }))),
    );
    const ids = new Set(results.map((r) => (r.duplicate ? 'dup' : r.conversationId)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate && r.createdConversation)).toHaveLength(1);
    const [id] = [...ids];
    expect(await messageCount(id as string)).toBe(12);
  });

  it('stores a webhook delivered several times at once exactly once', async () => {
    const msg = desk.inbound({ from: freshAddress() });
    const results = await Promise.all(Array.from({ length: 8 }, () => ingestInbound(desk.events, msg)));
    expect(results.filter((r) => r.duplicate)).toHaveLength(7);
  });

  it("keeps the arrival order of one customer's messages stored in the same batch", async () => {
    const from = freshAddress();
    const texts = ['first', 'second', 'third', 'fourth'];
    const batch = texts.map((text, i) =>
      desk.inbound({ from, providerMessageId: `order-${from}-${i}`, content: { text } }),
    );
    const results = await desk.events.transact((scope) => ingestInboundBatchInTx(scope, batch));
    const first = results[0];
    if (!first || first.duplicate) throw new Error('not stored');
    // The timeline's order: created_at, then id (random).
    const { rows } = await db.pool.query(
      `select content->>'text' as text, created_at from messages where conversation_id = $1 order by created_at, id`,
      [first.conversationId],
    );
    expect(rows.map((r) => r.text)).toEqual(texts);
    const conversation = await findConversationById(db.orm, first.conversationId);
    expect(conversation?.lastCustomerMessageAt).toEqual(rows.at(-1)?.created_at);
    expect(conversation?.pendingSince).toEqual(rows[0]?.created_at);
  });
});

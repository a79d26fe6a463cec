import type { Channel, ConversationStatus, InboundMessage } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import type { TxScope } from '../../platform/events/types.ts';
import { setConversationStatus } from '../conversations/conversations.service.ts';
import { createDesk, type Desk } from '../conversations/test-fixtures.ts';
import { createCustomer } from '../customers/customers.service.ts';
import {
  type IngestResult,
  ingestInbound,
  ingestInboundBatchInTx,
  ingestInboundInTx,
} from './inbound.service.ts';

// The inbound processor ingests a claimed batch set-wise; this checks it against the reference,
// ingesting the same messages one after another: same results, conversations, messages, change
// log and events, from random starting states (no conversation, OPEN, WAITING, SOLVED, CLOSED; a
// known sender's conversation without its customer, as when the profile came after it started),
// known and unknown senders, and provider ids repeated inside the batch or already stored.

let db: Db;
let desk: Desk;

const CHANNELS: Channel[] = ['SMS', 'WHATSAPP'];
const SENDERS = 4;
/** Senders 0 and 1 have customer profiles on both channels; 2 and 3 are unknown. */
const sender = (i: number) => `3859700000${i}`;

beforeAll(async () => {
  db = await createTestDb();
  desk = await createDesk(db);
  for (const i of [0, 1]) {
    await createCustomer(desk.events, {
      name: `Known ${i}`,
      destinations: CHANNELS.map((channel) => ({ channel, address: sender(i) })),
    });
  }
});

const thread = fc.record({ sender: fc.nat(SENDERS - 1), channel: fc.constantFrom(...CHANNELS) });
const initial = fc.constantFrom<'none' | ConversationStatus>('none', 'OPEN', 'WAITING', 'SOLVED', 'CLOSED');
const scenario = fc.record({
  starts: fc.array(fc.record({ thread, status: initial, unlinked: fc.boolean() }), { maxLength: 4 }),
  batch: fc.array(
    fc.record({
      thread,
      customerName: fc.option(fc.constantFrom('Maja', 'Ivo'), { nil: undefined }),
      // 0: a new provider id; 1: the id of an earlier message of the batch; 2: the id of a start message.
      providerId: fc.nat(9).map((n) => (n === 0 ? 1 : n === 1 ? 2 : 0)),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

let run = 0;

/** Plays the scenario on its own `to` address (so worlds never share a thread) and returns what it left. */
async function play(s: Scenario, world: 'one-by-one' | 'batch') {
  run += 1;
  const to = `44${run}`;
  const pid = (n: number) => `${world}-${run}-${n}`;
  const msg = (t: Scenario['starts'][number]['thread'], providerMessageId: string, name?: string) =>
    desk.inbound({
      channel: t.channel,
      from: sender(t.sender),
      to,
      providerMessageId,
      content: { text: providerMessageId },
      ...(name !== undefined && { customerName: name }),
    });
  const startIds: string[] = [];
  for (const [i, start] of s.starts.entries()) {
    if (start.status === 'none') continue;
    const r = await ingestInbound(desk.events, msg(start.thread, pid(1000 + i)));
    startIds.push(pid(1000 + i));
    if (r.duplicate) continue;
    // The conversation as it was before its sender's profile existed.
    if (start.unlinked) {
      await db.pool.query('update conversations set customer_id = null where id = $1', [r.conversationId]);
    }
    if (start.status !== 'OPEN') {
      await setConversationStatus(desk.events, desk.supervisor, r.conversationId, start.status);
    }
  }
  const batch: InboundMessage[] = s.batch.map((b, i) => {
    const earlier = i > 0 && b.providerId === 1 ? pid(i - 1) : undefined;
    const stored = b.providerId === 2 ? startIds[i % Math.max(1, startIds.length)] : undefined;
    return msg(b.thread, earlier ?? stored ?? pid(i), b.customerName);
  });
  const emitted: Array<{ type: string; payload: unknown }> = [];
  let txNow = '';
  const results: IngestResult[] = await desk.events.transact(async (scope) => {
    const recording: TxScope = {
      tx: scope.tx,
      emit(type, payload) {
        emitted.push({ type, payload });
        scope.emit(type, payload);
      },
    };
    const { rows } = await scope.tx.execute<{ now: string }>(sql`select now()::text as now`);
    txNow = rows[0]?.now ?? '';
    if (world === 'batch') return ingestInboundBatchInTx(recording, batch);
    const out: IngestResult[] = [];
    for (const m of batch) out.push(await ingestInboundInTx(recording, m));
    return out;
  });
  return snapshot(to, pid, results, emitted, txNow);
}

/** The world's rows with its ids, numbers and run-specific names replaced by stable labels. */
async function snapshot(
  to: string,
  pid: (n: number) => string,
  results: IngestResult[],
  emitted: Array<{ type: string; payload: unknown }>,
  txNow: string,
) {
  // Whether a time belongs to this batch is decided in SQL: from the transaction's now(), to the
  // millisecond (the one-by-one path stores JS times, which have no microseconds).
  const conv = await db.pool.query(
    `select *, pending_since >= date_trunc('milliseconds', $2::timestamptz) as pending_in_batch,
            last_customer_message_at >= date_trunc('milliseconds', $2::timestamptz) as last_in_batch
       from conversations where our_address = $1 order by number`,
    [to, txNow],
  );
  const labels = new Map<string, string>(conv.rows.map((c, i) => [c.id, `conv${i}`]));
  const msgs = await db.pool.query(
    `select m.*, m.created_at >= date_trunc('milliseconds', $2::timestamptz) as in_batch
       from messages m join conversations c on c.id = m.conversation_id
      where c.our_address = $1 order by m.provider_message_id, m.channel`,
    [to, txNow],
  );
  for (const m of msgs.rows)
    labels.set(m.id, `msg:${m.provider_message_id.replace(pid(0).slice(0, -1), '')}`);
  const label = (id: unknown) => (typeof id === 'string' ? (labels.get(id) ?? id) : id);
  // Times of this batch are at or after its transaction's now(); everything else is earlier.
  const when = (inBatch: boolean | null) => (inBatch === null ? null : inBatch ? 'batch' : 'before');
  const log = await db.pool.query(
    `select l.created_at, l.created_at >= date_trunc('milliseconds', $2::timestamptz) as in_batch, l.conversation_id, l.kind, l."from", l."to", l.actor_kind, l.actor_user_id
       from conversation_log l join conversations c on c.id = l.conversation_id
      where c.our_address = $1`,
    [to, txNow],
  );
  const relabel = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (k, v) =>
      k === 'number' ? 'n' : k.endsWith('Id') || k === 'id' ? label(v) : v,
    );
  return {
    results: results.map((r) => relabel(r)),
    conversations: conv.rows.map((c) => ({
      id: label(c.id),
      topic: c.topic,
      status: c.status,
      priority: c.priority,
      queueId: c.queue_id,
      customerId: c.customer_id,
      key: [c.channel, c.customer_address],
      channels: c.channels,
      pendingSince: when(c.pending_in_batch),
      lastCustomerMessageAt: when(c.last_in_batch),
      closed: c.closed_at !== null,
    })),
    messages: msgs.rows.map((m) => ({
      id: label(m.id),
      conversation: label(m.conversation_id),
      from: m.from_address,
      channel: m.channel,
      state: m.delivery_state,
      at: when(m.in_batch),
    })),
    // Entries of one transaction share created_at: order them by conversation label instead of id.
    log: log.rows
      .map(({ created_at, in_batch, ...l }) => ({
        at: created_at.getTime(),
        inBatch: in_batch as boolean,
        ...l,
        conversation_id: label(l.conversation_id),
      }))
      .sort((a, b) => a.at - b.at || String(a.conversation_id).localeCompare(String(b.conversation_id)))
      .map(({ at: _at, inBatch, ...l }) => ({ ...l, at: when(inBatch) })),
    events: emitted.map((e) => ({ type: e.type, payload: relabel(e.payload) })),
  };
}

describe('set-wise inbound ingestion', () => {
  it('leaves exactly what ingesting the same messages one by one leaves', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const reference = await play(s, 'one-by-one');
        // D6: a known sender's message leaves its open conversation with the sender's customer.
        for (const c of reference.conversations) {
          const known = [sender(0), sender(1)].includes(c.key[1]);
          const messaged = reference.messages.some((m) => m.conversation === c.id && m.at === 'batch');
          if (known && messaged && !c.closed) expect(c.customerId).not.toBeNull();
        }
        const batched = await play(s, 'batch');
        expect(batched).toEqual(reference);
      }),
      { numRuns: 60 },
    );
  });
});

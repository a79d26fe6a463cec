import type { Channel } from '@parley/contracts';
import type { Db } from '../../platform/db/client.ts';
import type { Events } from '../../platform/events/types.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { connectTestSender, DESK_SENDER } from './test-fixtures.ts';

// Omnichannel tests (merge, change channel): customers reachable on SMS and WhatsApp, with two of
// our senders on each channel, so one customer can have four thread keys, and by e-mail (a channel
// without a 24-hour window, so a first reply there is free text).

/** Our senders: two per channel on SMS and WhatsApp, one mailbox. */
export const SENDERS = {
  SMS: [DESK_SENDER, '44124'],
  WHATSAPP: ['447700900001', '447700900002'],
  EMAIL: ['help@parley.test'],
} as const satisfies Partial<Record<Channel, readonly string[]>>;

/** Connects every sender of SENDERS (idempotent). */
export async function connectOmnichannelSenders(db: Db): Promise<void> {
  for (const [channel, senders] of Object.entries(SENDERS) as [keyof typeof SENDERS, readonly string[]][]) {
    for (const sender of senders) await connectTestSender(db, channel, sender);
  }
}

/** A customer's thread on one of our senders. */
export interface Thread {
  channel: keyof typeof SENDERS;
  ourAddress: string;
  customerAddress: string;
}

let seq = 0;

/**
 * A new customer with one SMS, one WhatsApp and one e-mail address (distinct from every other test
 * customer), and their five threads: SMS and WhatsApp with each of our senders, then e-mail.
 */
export async function omnichannelCustomer(events: Events, name = 'Nora') {
  seq += 1;
  const phone = `3859${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(5, '0')}`;
  const whatsapp = `3859${String(process.pid % 1000).padStart(3, '0')}${String(seq + 50_000).padStart(5, '0')}`;
  const email = `nora-${seq}@example.test`;
  const customer = await createCustomer(events, {
    name,
    destinations: [
      { channel: 'SMS', address: phone },
      { channel: 'WHATSAPP', address: whatsapp },
      { channel: 'EMAIL', address: email },
    ],
  });
  const threads: Thread[] = [
    { channel: 'SMS', ourAddress: SENDERS.SMS[0], customerAddress: phone },
    { channel: 'WHATSAPP', ourAddress: SENDERS.WHATSAPP[0], customerAddress: whatsapp },
    { channel: 'SMS', ourAddress: SENDERS.SMS[1], customerAddress: phone },
    { channel: 'WHATSAPP', ourAddress: SENDERS.WHATSAPP[1], customerAddress: whatsapp },
    { channel: 'EMAIL', ourAddress: SENDERS.EMAIL[0], customerAddress: email },
  ];
  return { customer, phone, whatsapp, email, threads };
}

/** Every timeline entry of a conversation as `type:id`, in timeline order (time, then id). */
export async function timelineOf(db: Db, conversationId: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ key: string }>(
    `select key from (
       select 'message:' || id as key, created_at, id from messages where conversation_id = $1
       union all select 'note:' || id, created_at, id from notes where conversation_id = $1
       union all select 'log:' || id, created_at, id from conversation_log where conversation_id = $1
     ) t order by created_at, id`,
    [conversationId],
  );
  return rows.map((r) => r.key);
}

/** The tag ids on a conversation, sorted. */
export async function tagsOf(db: Db, conversationId: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ tag_id: string }>(
    'select tag_id from conversation_tags where conversation_id = $1 order by tag_id',
    [conversationId],
  );
  return rows.map((r) => r.tag_id);
}

import type { InboundMessage } from '@parley/contracts';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { Db } from '../../platform/db/client.ts';
import { createEvents } from '../../platform/events/events.ts';
import type { Events } from '../../platform/events/types.ts';
import type { ChannelConnectionRow } from '../channel-connections/channel-connections.repo.ts';
import { createConnection } from '../channel-connections/channel-connections.service.ts';
import {
  createInboundEventsProcessor,
  type InboundEventMapper,
  type MappedInboundEvent,
  retryDelaySeconds,
} from './inbound-events.processor.ts';
import { claimInboundEvents, insertInboundEvent } from './inbound-events.repo.ts';

const logger = pino({ level: 'silent' });
let db: Db;
let events: Events;
let connection: ChannelConnectionRow;

beforeAll(async () => {
  db = await createTestDb();
  events = createEvents(db, logger);
  connection = await createConnection(events, {
    channel: 'SMS',
    provider: 'infobip',
    name: 'Processor test',
    sender: '44999',
    settings: { baseUrl: 'http://127.0.0.1:9', apiKey: 'processor-test-key' },
  });
});

// The test payload is already in Parley's shape: the mapper only wraps it.
const passThrough: InboundEventMapper = (_connectionId, payload) => payload as MappedInboundEvent;

function textEvent(from: string, text: string): MappedInboundEvent {
  const message: InboundMessage = {
    connectionId: connection.id,
    channel: 'SMS',
    providerMessageId: crypto.randomUUID(),
    from,
    to: connection.sender,
    receivedAt: new Date().toISOString(),
    contentType: 'TEXT',
    content: { text },
  };
  return { messages: [message], statusUpdates: [], skipped: [] };
}

async function row(id: string) {
  const result = await db.pool.query<{
    processed_at: Date | null;
    attempts: number;
    last_error: string | null;
    due_in_seconds: number;
  }>(
    `select processed_at, attempts, last_error, extract(epoch from next_attempt_at - now())::float as due_in_seconds
     from inbound_events where id = $1`,
    [id],
  );
  return result.rows[0];
}

async function messageCount(from: string): Promise<number> {
  const result = await db.pool.query<{ n: number }>(
    'select count(*)::int as n from messages where from_address = $1',
    [from],
  );
  return result.rows[0]?.n ?? 0;
}

describe('inbound events processor', () => {
  it('processes a stored event nobody kicked (the process died after the acknowledgement)', async () => {
    const from = '385100';
    const id = await insertInboundEvent(db, connection.id, textEvent(from, 'left behind'));
    const processor = createInboundEventsProcessor({ db, events, logger }, { infobip: passThrough });
    expect(await processor.drain()).toBeGreaterThanOrEqual(1);
    expect((await row(id))?.processed_at).not.toBeNull();
    expect(await messageCount(from)).toBe(1);
  });

  it('processing the same stored event twice stores its message once', async () => {
    const from = '385101';
    const payload = textEvent(from, 'twice');
    await insertInboundEvent(db, connection.id, payload);
    await insertInboundEvent(db, connection.id, payload);
    const processor = createInboundEventsProcessor({ db, events, logger }, { infobip: passThrough });
    await processor.drain();
    expect(await messageCount(from)).toBe(1);
  });

  it('keeps the error of a failing event, backs it off, and processes it once it succeeds', async () => {
    const from = '385102';
    const id = await insertInboundEvent(db, connection.id, textEvent(from, 'flaky'));
    let failing = true;
    const flaky: InboundEventMapper = (connectionId, payload) => {
      if (failing) throw new Error('mapper exploded');
      return passThrough(connectionId, payload);
    };
    const processor = createInboundEventsProcessor({ db, events, logger }, { infobip: flaky });
    await processor.drain();
    const failed = await row(id);
    expect(failed).toMatchObject({ processed_at: null, attempts: 1, last_error: 'mapper exploded' });
    expect(failed?.due_in_seconds).toBeGreaterThan(0);

    // Not due yet: another round leaves it alone.
    await processor.drain();
    expect((await row(id))?.attempts).toBe(1);

    failing = false;
    await db.pool.query('update inbound_events set next_attempt_at = now() where id = $1', [id]);
    await processor.drain();
    expect(await row(id)).toMatchObject({ attempts: 2, last_error: null });
    expect((await row(id))?.processed_at).not.toBeNull();
    expect(await messageCount(from)).toBe(1);
  });

  it('leaves rows another process has claimed until their lease runs out', async () => {
    const from = '385103';
    const id = await insertInboundEvent(db, connection.id, textEvent(from, 'claimed elsewhere'));
    const claimed = await claimInboundEvents(db, 100, 60);
    expect(claimed.map((r) => r.id)).toContain(id);
    const processor = createInboundEventsProcessor({ db, events, logger }, { infobip: passThrough });
    await processor.drain();
    expect((await row(id))?.processed_at).toBeNull();
    // The other process died: once the lease has passed the row is due again.
    await db.pool.query('update inbound_events set next_attempt_at = now() where id = $1', [id]);
    await processor.drain();
    expect((await row(id))?.processed_at).not.toBeNull();
  });

  it('a bad row in a batch fails alone; the rows processed with it are stored', async () => {
    const good = ['385104', '385105', '385106'];
    const goodIds = await Promise.all(
      good.map((from) => insertInboundEvent(db, connection.id, textEvent(from, 'ok'))),
    );
    const bad = textEvent('385107', 'bad');
    const badMessage = bad.messages[0] as InboundMessage;
    // A content type the database refuses makes this row's insert fail inside the shared transaction.
    const badId = await insertInboundEvent(db, connection.id, {
      ...bad,
      messages: [{ ...badMessage, contentType: 'HOLOGRAM' }],
    });
    const processor = createInboundEventsProcessor(
      { db, events, logger },
      { infobip: passThrough },
      { chunkSize: 100 },
    );
    await processor.drain();
    for (const id of goodIds) expect((await row(id))?.processed_at).not.toBeNull();
    for (const from of good) expect(await messageCount(from)).toBe(1);
    const failed = await row(badId);
    expect(failed?.processed_at).toBeNull();
    expect(failed?.last_error).toMatch(/\S/);
  });

  it("stores one customer's messages in order when webhook bodies mix customers", async () => {
    const [x, y] = ['385108', '385109'];
    const a = textEvent(x, 'A to X');
    const aY = textEvent(y, 'A to Y').messages;
    const b = textEvent(y, 'B to Y');
    const idA = await insertInboundEvent(db, connection.id, { ...a, messages: [...a.messages, ...aY] });
    const idB = await insertInboundEvent(db, connection.id, b);
    const processor = createInboundEventsProcessor(
      { db, events, logger },
      { infobip: passThrough },
      { chunkSize: 1, concurrency: 2 },
    );
    await processor.drain();
    // processed_at is the transaction's now(): one chunk, one transaction, one time.
    const { rows: processed } = await db.pool.query<{ n: number }>(
      'select count(distinct processed_at)::int as n from inbound_events where id = any($1)',
      [[idA, idB]],
    );
    expect(processed[0]?.n).toBe(1);
    const { rows } = await db.pool.query<{ text: string }>(
      `select content->>'text' as text from messages where from_address = $1 order by created_at, id`,
      [y],
    );
    expect(rows.map((r) => r.text)).toEqual(['A to Y', 'B to Y']);
  });

  it('backs off 2, 4, 8 … seconds, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([2, 4, 8, 16]);
    expect(retryDelaySeconds(40)).toBe(3600);
  });
});

import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { CliContext } from '../../platform/cli-context.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { verifyPassword } from '../users/passwords.ts';
import { LONG_THREAD_MESSAGES, LONG_THREAD_TOPIC } from './demo-long-thread.ts';
import { DEMO_PASSWORD } from './demo-people.ts';
import { loadDemoData } from './seed.ts';

let db: Db;
let ctx: CliContext;

async function count(table: string): Promise<number> {
  const { rows } = await db.pool.query(`select count(*)::int as n from ${table}`);
  return rows[0].n;
}

describe('loadDemoData', () => {
  beforeAll(async () => {
    db = await createTestDb();
    ctx = { config: loadConfig({ PORT: '3999' }), db, logger: pino({ level: 'silent' }) };
  });

  it('loads the demo installation in one go', async () => {
    const result = await loadDemoData(ctx);
    expect(result.seeded).toBe(true);
    expect(await count('users')).toBe(7);
    expect(await count('queues')).toBe(4);
    expect(await count('customers')).toBe(150);
    expect(await count('conversations')).toBe(300);
    expect(await count('messages')).toBeGreaterThan(5600);
    expect(await count('notes')).toBeGreaterThan(0);
    expect(await count('conversation_log')).toBeGreaterThan(300);
    if (result.seeded) expect(result.counts.messages).toBe(await count('messages'));
  });

  it('connects every provider channel the demo uses to the sandbox, enabled, with no secret shown', async () => {
    const { rows } = await db.pool.query(
      `select channel, sender, settings->>'baseUrl' as base_url, enabled, provider from channel_connections order by channel`,
    );
    expect(rows.map((r) => r.channel)).toEqual([
      'APPLE_BUSINESS_CHAT',
      'FACEBOOK_MESSENGER',
      'INSTAGRAM_MESSAGING',
      'LINE',
      'LIVE_CHAT',
      'RCS',
      'SMS',
      'VIBER',
      'WHATSAPP',
    ]);
    // The shop's widget, allowed on Parley's own origins for its demo page (docs/simulator.md).
    expect(rows.find((r) => r.channel === 'LIVE_CHAT')).toMatchObject({
      provider: 'livechat',
      sender: 'parley-demo-widget',
      enabled: true,
    });
    for (const row of rows.filter((r) => r.channel !== 'LIVE_CHAT')) {
      expect(row).toMatchObject({
        provider: 'infobip',
        enabled: true,
        base_url: 'http://127.0.0.1:3999/sandbox/infobip',
      });
    }
    // Every conversation that can still be answered has an enabled connection for its channel and sender.
    const { rows: unanswerable } = await db.pool.query(
      `select c.id from conversations c
       where c.status <> 'CLOSED' and not exists (
         select 1 from channel_connections k
         where k.enabled and k.channel = c.channel and k.sender = c.our_address)`,
    );
    expect(unanswerable).toEqual([]);
  });

  it('gives every agent each workspace state in MY WORK', async () => {
    const { rows } = await db.pool.query(`
      with unread as (
        select c.id, c.assignee_user_id, count(m.id)::int as n from conversations c
        left join conversation_reads r on r.conversation_id = c.id and r.user_id = c.assignee_user_id
        left join messages m on m.conversation_id = c.id and m.direction = 'INBOUND'
          and m.created_at > coalesce(r.last_read_message_at, '-infinity')
        where c.status = 'OPEN' group by c.id, c.assignee_user_id)
      select u.email,
        (select array_agg(distinct n order by n) from unread where assignee_user_id = u.id and n between 1 and 4) as unread,
        (select count(*)::int from conversations where assignee_user_id = u.id and status = 'WAITING') as waiting,
        (select count(*)::int from conversations where assignee_user_id = u.id and status = 'SOLVED') as solved,
        (select count(*)::int from conversations c where assignee_user_id = u.id and status <> 'CLOSED'
          and exists (select 1 from notes n where n.conversation_id = c.id)) as with_notes,
        (select count(*)::int from conversations c where assignee_user_id = u.id and status <> 'CLOSED'
          and exists (select 1 from messages m where m.conversation_id = c.id and m.delivery_state = 'FAILED'
            and m.failure_reason is not null)) as with_failed,
        (select count(*)::int from conversations where assignee_user_id = u.id and status <> 'CLOSED'
          and cardinality(channels) > 1) as omnichannel,
        (select count(*)::int from recently_viewed where user_id = u.id) as viewed
      from users u where u.email like 'agent%' order by u.email`);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.unread).toEqual([1, 2, 3, 4]);
      expect(row.waiting).toBeGreaterThan(0);
      expect(row.solved).toBeGreaterThan(0);
      expect(row.with_notes).toBeGreaterThan(0);
      expect(row.with_failed).toBeGreaterThan(0);
      expect(row.omnichannel).toBeGreaterThan(0);
      expect(row.viewed).toBeGreaterThan(0);
    }
    const { rows: ticks } = await db.pool.query(
      `select distinct delivery_state from messages where direction = 'OUTBOUND' order by 1`,
    );
    expect(ticks.map((t) => t.delivery_state)).toEqual(['DELIVERED', 'FAILED', 'SEEN']);
  });

  it("puts the 5,000-message conversation in agent1's MY WORK", async () => {
    const { rows } = await db.pool.query(
      `select c.status, u.email, (select count(*)::int from messages m where m.conversation_id = c.id) as n
       from conversations c join users u on u.id = c.assignee_user_id where c.topic = $1`,
      [LONG_THREAD_TOPIC],
    );
    expect(rows).toEqual([{ status: 'OPEN', email: 'agent1@parley.demo', n: LONG_THREAD_MESSAGES }]);
  });

  it('signs the documented logins in with the documented password', async () => {
    const { rows } = await db.pool.query(
      `select email, password_hash from users where email in ('supervisor@parley.demo', 'agent3@parley.demo')`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('respects the conversation invariants', async () => {
    const { rows: dupes } = await db.pool.query(
      `select channel, our_address, customer_address from conversations where status <> 'CLOSED'
       group by 1, 2, 3 having count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const { rows: badClosed } = await db.pool.query(
      `select id from conversations where (status = 'CLOSED') <> (closed_at is not null)`,
    );
    expect(badClosed).toEqual([]);
    // pending_since is set exactly when the last message is the customer's, and equals the first unanswered one.
    const { rows: badPending } = await db.pool.query(`
      select c.id from conversations c
      cross join lateral (
        select direction from messages m where m.conversation_id = c.id order by created_at desc, id desc limit 1
      ) last
      left join lateral (
        select min(m.created_at) as first_unanswered from messages m
        where m.conversation_id = c.id and m.direction = 'INBOUND' and m.created_at > coalesce(
          (select max(o.created_at) from messages o where o.conversation_id = c.id and o.direction = 'OUTBOUND'),
          '-infinity')
      ) p on true
      where (last.direction = 'INBOUND') <> (c.pending_since is not null)
         or (c.pending_since is not null and c.pending_since <> p.first_unanswered)`);
    expect(badPending).toEqual([]);
    const { rows: numbers } = await db.pool.query(
      `select bool_and(ok) as ordered from (
         select number > lag(number) over (order by created_at, number) or lag(number) over (order by created_at, number) is null as ok
         from conversations) t`,
    );
    expect(numbers[0].ordered).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = await db.orm.execute(
      sql`select (select count(*) from conversations) + (select count(*) from users) as n`,
    );
    const result = await loadDemoData(ctx);
    expect(result).toEqual({ seeded: false, reason: expect.stringContaining('already loaded') });
    const after = await db.orm.execute(
      sql`select (select count(*) from conversations) + (select count(*) from users) as n`,
    );
    expect(after.rows).toEqual(before.rows);
  });
});

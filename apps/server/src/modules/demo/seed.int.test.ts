import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import type { CliContext } from '../../platform/cli-context.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { verifyPassword } from '../users/passwords.ts';
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
    ctx = { config: {} as Config, db, logger: pino({ level: 'silent' }) };
  });

  it('loads the demo installation in one go', async () => {
    const result = await loadDemoData(ctx);
    expect(result.seeded).toBe(true);
    expect(await count('users')).toBe(7);
    expect(await count('queues')).toBe(4);
    expect(await count('customers')).toBe(150);
    expect(await count('conversations')).toBe(300);
    expect(await count('messages')).toBeGreaterThan(600);
    expect(await count('notes')).toBeGreaterThan(0);
    expect(await count('conversation_log')).toBeGreaterThan(300);
    if (result.seeded) expect(result.counts.messages).toBe(await count('messages'));
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

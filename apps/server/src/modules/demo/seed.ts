import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CliContext } from '../../platform/cli-context.ts';
import type { Orm } from '../../platform/db/client.ts';
import { agentCapacities } from '../assignment/assignment.schema.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';
import { conversationLog } from '../conversations/conversation-log.schema.ts';
import { conversationReads, recentlyViewed } from '../conversations/conversation-reads.schema.ts';
import { conversations, conversationTags } from '../conversations/conversations.schema.ts';
import { customerDestinations, customers } from '../customers/customers.schema.ts';
import { notes } from '../messages/notes.schema.ts';
import { queueMembers, queues } from '../queues/queues.schema.ts';
import { tags } from '../tags/tags.schema.ts';
import { hashPassword } from '../users/passwords.ts';
import { users } from '../users/users.schema.ts';
import { insertMessagesSetwise } from './demo-bulk-insert.ts';
import { demoCapacities } from './demo-capacities.ts';
import { demoConnections } from './demo-connections.ts';
import { DEMO_PASSWORD, DEMO_QUEUES, DEMO_SUPERVISOR_EMAIL, DEMO_USERS } from './demo-people.ts';
import { generateDemoData } from './generate-demo.ts';
import { customerAttributesClash, seedCustomerAttributes } from './seed-customer-attributes.ts';
import { insertDemoTemplates } from './seed-templates.ts';

/** Row counts of what was loaded, or why nothing was. */
export type DemoSeedResult =
  | { seeded: true; counts: Record<string, number>; ms: number }
  | { seeded: false; reason: string };

/** What the transaction decides; the time is added once it committed. */
type Loaded =
  | Omit<Extract<DemoSeedResult, { seeded: true }>, 'ms'>
  | Extract<DemoSeedResult, { seeded: false }>;

// PostgreSQL binds at most 65535 parameters per statement; 500 rows of ≤ 18 columns stays well below.
const CHUNK = 500;

async function insertAll(tx: Orm, table: PgTable, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

/** Inserts the demo's sandbox connections whose channel and sender no enabled connection uses yet. */
async function insertFreeConnections(tx: Orm, rows: ReturnType<typeof demoConnections>): Promise<number> {
  const taken = await tx
    .select({ channel: channelConnections.channel, sender: channelConnections.sender })
    .from(channelConnections)
    .where(eq(channelConnections.enabled, true));
  const free = rows.filter((r) => !taken.some((t) => t.channel === r.channel && t.sender === r.sender));
  await insertAll(tx, channelConnections, free);
  return free.length;
}

/**
 * Loads the demo installation (docs/demo-data.md) in one transaction. Refuses, changing nothing,
 * when the demo supervisor already exists (already loaded) or when demo logins or queue names are
 * taken by real data.
 */
export async function loadDemoData(ctx: CliContext, now = new Date()): Promise<DemoSeedResult> {
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await ctx.db.orm.transaction(async (tx): Promise<Loaded> => {
    // Serialises concurrent seeders so the check below cannot race.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('parley.seed-demo'))`);
    const emails = DEMO_USERS.map((u) => u.email);
    const taken = await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails));
    if (taken.some((u) => u.email === DEMO_SUPERVISOR_EMAIL)) {
      return {
        seeded: false,
        reason: `demo data already loaded (${DEMO_SUPERVISOR_EMAIL} exists); nothing changed`,
      };
    }
    if (taken.length > 0) {
      return { seeded: false, reason: `demo logins already in use: ${taken.map((u) => u.email).join(', ')}` };
    }
    const names = Object.keys(DEMO_QUEUES).filter((n) => n !== 'Default');
    const clash = await tx
      .select({ name: queues.name })
      .from(queues)
      .where(
        and(
          eq(queues.isDefault, false),
          // A deleted queue keeps its row for closed conversations but no longer holds the name.
          isNull(queues.deletedAt),
          inArray(
            sql`lower(${queues.name})`,
            names.map((n) => n.toLowerCase()),
          ),
        ),
      );
    if (clash.length > 0) {
      return { seeded: false, reason: `queues already exist: ${clash.map((q) => q.name).join(', ')}` };
    }
    const attributesClash = await customerAttributesClash(tx);
    if (attributesClash) return { seeded: false, reason: attributesClash };
    const [existingDefault] = await tx
      .select({ id: queues.id })
      .from(queues)
      .where(eq(queues.isDefault, true));
    const data = generateDemoData({ now, defaultQueueId: existingDefault?.id });

    await insertAll(
      tx,
      users,
      data.users.map((u) => ({ ...u, passwordHash })),
    );
    await insertAll(tx, queues, data.queues);
    await insertAll(tx, queueMembers, data.queueMembers);
    await insertAll(tx, tags, data.tags);
    await insertDemoTemplates(tx, data.tags);
    await insertAll(tx, customers, data.customers);
    await insertAll(tx, customerDestinations, data.customerDestinations);
    await seedCustomerAttributes(
      tx,
      now,
      data.customers.map((c) => c.id),
    );
    // Inserted in creation order so the human numbers grow with time.
    await insertAll(tx, conversations, data.conversations);
    await insertAll(tx, agentCapacities, demoCapacities(data.conversations));
    await insertAll(tx, conversationTags, data.conversationTags);
    await insertMessagesSetwise(tx, data.messages);
    await insertAll(tx, notes, data.notes);
    await insertAll(tx, conversationLog, data.conversationLog);
    await insertAll(tx, conversationReads, data.conversationReads);
    await insertAll(tx, recentlyViewed, data.recentlyViewed);
    const connections = await insertFreeConnections(tx, demoConnections(ctx.config, now));
    const counts = Object.fromEntries(Object.entries(data).map(([k, rows]) => [k, rows.length]));
    return { seeded: true, counts: { ...counts, channelConnections: connections } };
  });
  // Timed after the commit: the seed's cost includes writing it durably.
  return result.seeded ? { ...result, ms: elapsedMs() } : result;
}

/** Loads the demo data unless it is already there; says what happened in the log. */
export async function seedDemo(ctx: CliContext): Promise<void> {
  const result = await loadDemoData(ctx);
  if (result.seeded) ctx.logger.info({ counts: result.counts, ms: result.ms }, 'demo data loaded');
  else ctx.logger.warn(`demo data not loaded: ${result.reason}`);
}

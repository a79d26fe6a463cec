import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../apps/server/src/app.ts';
import { checkAssignmentInvariants } from '../apps/server/src/modules/assignment/assignment-invariants.ts';
import { setConversationStatus } from '../apps/server/src/modules/conversations/conversations.service.ts';
import { ingestInbound } from '../apps/server/src/modules/messages/inbound.service.ts';
import { updateQueueSettings } from '../apps/server/src/modules/queues/queue-settings.service.ts';
import { createQueue, setQueueMembers } from '../apps/server/src/modules/queues/queues.service.ts';
import { replaceRoutingRules } from '../apps/server/src/modules/routing/routing.service.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { createDb } from '../apps/server/src/platform/db/client.ts';
import { findFreePort, startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.ts';
import { runMigrations } from '../apps/server/src/platform/db/migrate.ts';
import { makeDataDir } from '../apps/server/test/parley-process.ts';

// `npm run bench -- routing`: Parley (in this process, all its handlers) on a fresh embedded
// database with AGENTS Active agents in QUEUES queues (each agent in two), one routing rule per
// queue and automatic assignment on (round robin and least load alternating). Customer messages
// start new conversations at RATE a second for SECONDS; each conversation is solved HOLD_SECONDS
// after it was assigned, so load stays steady below capacity. Measured per conversation: from the
// commit of the customer message that created it to the moment its `conversation.assigned` event
// is handled (after that commit). Afterwards the assignment invariants are checked. Prints medians
// and percentiles; asserts nothing about time.

const AGENTS = Number(process.env.ROUTING_AGENTS ?? 200);
const QUEUES = Number(process.env.ROUTING_QUEUES ?? 30);
const RATE = Number(process.env.ROUTING_RATE ?? 20);
const SECONDS = Number(process.env.ROUTING_SECONDS ?? 30);
const HOLD_SECONDS = Number(process.env.ROUTING_HOLD_SECONDS ?? 10);
const TARGET_P99_MS = 50;
const OUR_SENDER = '447860000001';
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const AUTOMATION = { kind: 'automation' } as const;

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** p50/p99 per 10-second window of commit time. */
function windows(timeline: readonly [number, number][]) {
  const byWindow = new Map<number, number[]>();
  for (const [at, ms] of timeline) {
    const w = Math.floor(at / 10) * 10;
    byWindow.set(w, [...(byWindow.get(w) ?? []), ms]);
  }
  return [...byWindow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([from, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        fromSecond: from,
        count: sorted.length,
        p50: round(percentile(sorted, 0.5)),
        p99: round(percentile(sorted, 0.99)),
      };
    });
}

export async function runRoutingBench(): Promise<void> {
  const dataDir = await makeDataDir('parley-bench-routing-');
  const logger = pino({ level: 'warn' });
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
  const db = createDb(postgres.url, 16);
  try {
    await runMigrations(db);
    const config = loadConfig({ DATABASE_URL: postgres.url, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false' });
    const { app, ctx } = await buildApp({ config, db, logger });
    await app.ready();

    // Agents: inserted directly (no password hashing needed to be assigned), Active.
    const agentIds = Array.from({ length: AGENTS }, () => crypto.randomUUID());
    await db.pool.query(
      `insert into users (id, email, display_name, roles, password_hash, availability)
       select id, 'bench-' || id || '@example.test', 'Agent ' || n, array['agent'], 'x', 'ACTIVE'
       from unnest($1::uuid[]) with ordinality as t(id, n)`,
      [agentIds],
    );
    const queueIds: string[] = [];
    for (let q = 0; q < QUEUES; q++) {
      const queue = await createQueue(ctx.events, `Bench queue ${q}`);
      const members = agentIds.filter((_, i) => i % QUEUES === q || (i * 7 + 3) % QUEUES === q);
      await setQueueMembers(ctx.events, queue.id, members);
      await updateQueueSettings(ctx.events, queue.id, {
        autoAssign: true,
        algorithm: q % 2 ? 'LEAST_LOAD' : 'ROUND_ROBIN',
      });
      queueIds.push(queue.id);
    }
    await replaceRoutingRules(
      ctx.events,
      queueIds.map((queueId, q) => ({
        name: `topic ${q}`,
        queueId,
        expression: { $contains: { 'message.text': `topic${q}` } },
        enabled: true,
        priority: 'NORMAL',
        tagIds: [],
        botId: null,
        routeOnlyDuringWorkingHours: false,
      })),
    );
    await ctx.events.drain();

    const t0 = performance.now();
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    /** [seconds since the start, latency] of each assignment, for the per-window figures. */
    const timeline: [number, number][] = [];
    const solving: Promise<unknown>[] = [];
    ctx.events.on('conversation.assigned', (event) => {
      const { conversationId } = event.payload as { conversationId: string };
      const start = committedAt.get(conversationId);
      if (start === undefined) return;
      committedAt.delete(conversationId);
      latencies.push(performance.now() - start);
      timeline.push([(start - t0) / 1000, performance.now() - start]);
      solving.push(
        sleep(HOLD_SECONDS * 1000).then(() =>
          setConversationStatus(ctx.events, AUTOMATION, conversationId, 'SOLVED').catch(() => {}),
        ),
      );
    });

    // Every statement sent to PostgreSQL during the run (server and bench), per new conversation.
    let statements = 0;
    const clientQuery = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements += 1;
      return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof clientQuery;
    console.log(
      `routing bench: ${AGENTS} agents, ${QUEUES} queues, ${RATE} new conversations/s for ${SECONDS}s`,
    );
    const total = RATE * SECONDS;
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sends.push(
        ingestInbound(ctx.events, {
          connectionId: '00000000-0000-4000-8000-000000000001',
          channel: 'SMS',
          providerMessageId: crypto.randomUUID(),
          from: `3859${String(i).padStart(8, '0')}`,
          to: OUR_SENDER,
          receivedAt: new Date().toISOString(),
          contentType: 'TEXT',
          content: { text: `About topic${i % QUEUES}, please` },
        }).then((result) => {
          if (!result.duplicate) committedAt.set(result.conversationId, performance.now());
        }),
      );
    }
    await Promise.all(sends);
    const sentSeconds = (performance.now() - t0) / 1000;
    for (let i = 0; i < 100 && committedAt.size > 0; i++) await sleep(100);
    await ctx.events.drain();
    const unassignedAfterRun = committedAt.size;
    await Promise.all(solving);
    await ctx.events.drain();

    const invariants = await checkAssignmentInvariants(db, queueIds);
    const maxAssignments = (
      await db.pool.query<{ n: number }>(
        `select coalesce(max(n), 0)::int as n from (select count(*) as n from conversation_log
           where kind = 'assignment' and "to" is not null group by conversation_id) t`,
      )
    ).rows[0]?.n;
    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      agents: AGENTS,
      queues: QUEUES,
      targetRate: RATE,
      sentRate: round(total / sentSeconds),
      conversations: total,
      assigned: latencies.length,
      statementsPerConversation: round(statements / total),
      unassignedAfterRun,
      commitToAssignedMs: {
        p50: round(percentile(sorted, 0.5)),
        p90: round(percentile(sorted, 0.9)),
        p99: round(percentile(sorted, 0.99)),
        max: round(sorted.at(-1) ?? Number.NaN),
      },
      targetP99Ms: TARGET_P99_MS,
      // Solving starts HOLD_SECONDS in, so later windows carry the steady mix of new and freed work.
      byWindow: windows(timeline),
      // 1 = no conversation was assigned twice over the run (never two assignees, no reassignment churn).
      maxAssignmentsPerConversation: maxAssignments,
      invariants,
      invariantsHold: Object.values(invariants).every((v) => v.length === 0),
      machine: { cpus: os.cpus().length, node: process.version },
    };
    console.table([{ ...result.commitToAssignedMs, assigned: result.assigned, sentRate: result.sentRate }]);
    console.table(result.byWindow);
    console.log(
      `p99 ${result.commitToAssignedMs.p99} ms (target ≤ ${TARGET_P99_MS} ms); invariants ${result.invariantsHold ? 'hold' : 'VIOLATED'}`,
    );
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `routing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${path.relative(process.cwd(), file)}`);
    await app.close();
  } finally {
    await db.close().catch(() => {});
    await postgres.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

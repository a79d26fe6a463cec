import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import pino from 'pino';
import { incomingTextPayload } from '../apps/server/src/channels/infobip/fake-events.ts';
import { mapWebhookPayload } from '../apps/server/src/channels/infobip/mapper.ts';
import { createInboundEventsProcessor } from '../apps/server/src/modules/messages/inbound-events.processor.ts';
import { createEvents } from '../apps/server/src/platform/events/events.ts';
import {
  type BenchParley,
  KNOWN_CUSTOMERS,
  knownAddress,
  OUR_SENDER,
  PROCESSING_POOL,
  startBenchParley,
} from './ingest-parley.ts';

// `npm run bench -- ingest`: drives POST /webhooks/infobip/messages of a real Parley process on the
// embedded database at rising rates. Phase 1 measures the acknowledgement path alone (a process
// started with JOBS_ENABLED=false stores and acknowledges, another process would process); phase 2
// runs the whole pipeline (store → ack → threading → realtime) and finds the rate processing keeps
// up with. Beside them: the raw one-row insert rate of the same database, measured in the same run.

const rates = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number);
const ACK_RATES = rates('INGEST_ACK_RATES', '500,1000,2000,3000,4000');
const E2E_RATES = rates('INGEST_E2E_RATES', '250,400,600,1000,2000');
const STEP_SECONDS = Number(process.env.INGEST_STEP_SECONDS ?? 10);
const CONNECTIONS = 100;
/** Share of messages from a never-seen address (unknown customer, new conversation). */
const NEW_CUSTOMER_SHARE = 0.2;
const TARGET_RATE = 2000;
const TARGET_P99_MS = 150;
const RAW_INSERT_CLIENTS = 16;
const RAW_INSERT_SECONDS = 5;
const DRAIN_LIMIT_SECONDS = 60;
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

interface StepResult {
  targetRate: number;
  sentRate: number;
  ackRate: number;
  non2xx: number;
  errors: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** Rows processed per second during the step (0 when processing is off). */
  processedRate: number;
  backlogAtEnd: number;
  drainSeconds: number;
  /** Events committed but not yet through their after-commit handlers (realtime), after the drain. */
  undispatchedEvents: number;
  /** Of those, events whose handlers already failed at least once (see outbox_events.last_error). */
  retriedEvents: number;
  /** CPU per acknowledged message over the step and its drain. */
  parleyCpuMsPerMsg: number;
  postgresCpuMsPerMsg: number;
  sustained: boolean;
}

let newCounter = 0;
function nextSender(): string {
  if (Math.random() < NEW_CUSTOMER_SHARE) {
    newCounter += 1;
    return `3869${String(newCounter).padStart(8, '0')}`;
  }
  return knownAddress(Math.floor(Math.random() * KNOWN_CUSTOMERS));
}

/** One-row insert transactions from 16 concurrent clients: the database's own ceiling for this kind of write. */
async function rawInsertRate(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: RAW_INSERT_CLIENTS });
  await pool.query('create table bench_raw_insert (id uuid primary key, payload jsonb not null)');
  const payload = JSON.stringify(incomingTextPayload({ from: knownAddress(1), to: OUR_SENDER, text: 'raw' }));
  let count = 0;
  const t0 = performance.now();
  const deadline = t0 + RAW_INSERT_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: RAW_INSERT_CLIENTS }, async () => {
      while (performance.now() < deadline) {
        await pool.query({
          name: 'bench_raw_insert',
          text: 'insert into bench_raw_insert (id, payload) values ($1, $2)',
          values: [crypto.randomUUID(), payload],
        });
        count += 1;
      }
    }),
  );
  const rate = count / ((performance.now() - t0) / 1000);
  await pool.query('drop table bench_raw_insert');
  await pool.end();
  return rate;
}

async function counts(p: BenchParley): Promise<{ total: number; backlog: number }> {
  const result = await p.db.pool.query<{ total: number; backlog: number }>(
    'select count(*)::int as total, count(*) filter (where processed_at is null)::int as backlog from inbound_events',
  );
  return result.rows[0] ?? { total: 0, backlog: 0 };
}

/** Rows whose processing failed at least once, by error: a healthy run has none. */
async function failures(p: BenchParley): Promise<Record<string, number>> {
  const result = await p.db.pool.query<{ last_error: string; n: number }>(
    'select last_error, count(*)::int as n from inbound_events where last_error is not null group by last_error',
  );
  return Object.fromEntries(result.rows.map((r) => [r.last_error, r.n]));
}

async function undispatched(p: BenchParley): Promise<{ left: number; retried: number }> {
  const result = await p.db.pool.query<{ left: number; retried: number }>(
    'select count(*)::int as left, count(*) filter (where attempts > 0)::int as retried from outbox_events where dispatched_at is null',
  );
  return result.rows[0] ?? { left: 0, retried: 0 };
}

async function waitForDrain(p: BenchParley): Promise<number> {
  const t0 = performance.now();
  while ((await counts(p)).backlog > 0 && performance.now() - t0 < DRAIN_LIMIT_SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return (performance.now() - t0) / 1000;
}

async function runStep(
  p: BenchParley,
  rate: number,
  processing: boolean,
  durationSeconds = STEP_SECONDS,
): Promise<StepResult> {
  const before = await counts(p);
  const cpu0 = { parley: p.cpu.parley(), postgres: p.cpu.postgres() };
  const t0 = performance.now();
  const result = await autocannon({
    url: `${p.base}/webhooks/infobip/messages`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: durationSeconds,
    overallRate: rate,
    headers: { authorization: p.authorization, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: JSON.stringify(
            incomingTextPayload({
              from: nextSender(),
              to: OUR_SENDER,
              text: 'Hello, I need help with my order',
            }),
          ),
        }),
      },
    ],
  });
  const seconds = (performance.now() - t0) / 1000;
  const after = await counts(p);
  const drainSeconds = processing ? await waitForDrain(p) : 0;
  const events = await undispatched(p);
  const acked = Math.max(1, result['2xx']);
  const step: StepResult = {
    targetRate: rate,
    sentRate: result.requests.sent / result.duration,
    ackRate: result['2xx'] / result.duration,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    ackP50Ms: result.latency.p50,
    ackP99Ms: result.latency.p99,
    processedRate: (after.total - after.backlog - (before.total - before.backlog)) / seconds,
    backlogAtEnd: after.backlog,
    drainSeconds,
    undispatchedEvents: events.left,
    retriedEvents: events.retried,
    parleyCpuMsPerMsg: ((p.cpu.parley() - cpu0.parley) * 1000) / acked,
    postgresCpuMsPerMsg: ((p.cpu.postgres() - cpu0.postgres) * 1000) / acked,
    sustained: false,
  };
  // Sustained: the rate was delivered and acknowledged in time and, with processing, processing kept
  // up (what is left at the end is under a second of traffic).
  step.sustained =
    step.ackRate >= rate * 0.95 &&
    step.non2xx === 0 &&
    step.errors === 0 &&
    step.ackP99Ms <= TARGET_P99_MS &&
    (!processing || step.backlogAtEnd <= rate);
  return step;
}

/** The processing path alone: a processor in this process drains what phase 1 stored, with no event handlers. */
async function processingAlone(p: BenchParley) {
  const logger = pino({ level: 'silent' });
  const processor = createInboundEventsProcessor(
    { db: p.db, events: createEvents(p.db, logger), logger },
    { infobip: mapWebhookPayload },
    // As in the server: half the pool.
    { concurrency: PROCESSING_POOL / 2 },
  );
  const cpu0 = { bench: process.cpuUsage(), postgres: p.cpu.postgres() };
  const t0 = performance.now();
  const rows = await processor.drain();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0.bench);
  return {
    rows,
    seconds,
    rate: rows / seconds,
    parleyCpuMsPerMsg: (cpu.user + cpu.system) / 1000 / rows,
    postgresCpuMsPerMsg: ((p.cpu.postgres() - cpu0.postgres) * 1000) / rows,
    failed: await failures(p),
  };
}

const n = (value: number, width: number, digits = 0) => value.toFixed(digits).padStart(width);

async function runPhase(title: string, stepRates: number[], processing: boolean, raw: boolean) {
  const p = await startBenchParley({ processing });
  try {
    const rawRate = raw ? await rawInsertRate(p.dbUrl) : undefined;
    if (rawRate !== undefined) {
      console.log(`raw one-row insert transactions (${RAW_INSERT_CLIENTS} clients): ${rawRate.toFixed(0)}/s`);
    }
    // Warm-up: JIT, pool connections and caches, so the first step measures the same thing as the rest.
    await runStep(p, Math.min(...stepRates), processing, 3);
    console.log(`\n${title}`);
    console.log(
      '  target     sent    acked  p50 ms  p99 ms  processed  backlog  drain s  events left (retried)  cpu ms/msg parley+pg',
    );
    const steps: StepResult[] = [];
    for (const rate of stepRates) {
      const s = await runStep(p, rate, processing);
      steps.push(s);
      const problems = s.non2xx + s.errors > 0 ? ` (non-2xx ${s.non2xx}, errors ${s.errors})` : '';
      console.log(
        `${n(s.targetRate, 8)} ${n(s.sentRate, 8)} ${n(s.ackRate, 8)} ${n(s.ackP50Ms, 7, 1)} ${n(s.ackP99Ms, 7, 1)} ${n(s.processedRate, 10)} ${n(s.backlogAtEnd, 8)} ${n(s.drainSeconds, 8, 1)} ${n(s.undispatchedEvents, 7)} (${n(s.retriedEvents, 4)})  ${n(s.parleyCpuMsPerMsg, 8, 2)} + ${n(s.postgresCpuMsPerMsg, 5, 2)}  ${s.sustained ? 'sustained' : ''}${problems}`,
      );
    }
    const failed = processing ? await failures(p) : {};
    if (Object.keys(failed).length > 0) console.log('processing failures:', failed);
    const alone = processing ? undefined : await processingAlone(p);
    if (alone) {
      console.log(
        `\n1b. processing alone (phase 1's ${alone.rows} stored events, no after-commit handlers): ${alone.rate.toFixed(0)} rows/s, cpu ms/msg ${alone.parleyCpuMsPerMsg.toFixed(2)} + ${alone.postgresCpuMsPerMsg.toFixed(2)}`,
      );
      if (Object.keys(alone.failed).length > 0) console.log('processing failures:', alone.failed);
    }
    return {
      rawRate,
      steps,
      failed,
      alone,
      sustainedRate: steps.filter((s) => s.sustained).at(-1)?.ackRate ?? 0,
    };
  } finally {
    await p.stop();
  }
}

export async function runIngestBench(): Promise<void> {
  const ack = await runPhase('1. acknowledgement path (store + 200; processing off)', ACK_RATES, false, true);
  const e2e = await runPhase(
    '2. whole pipeline (store + 200, processed in the same process)',
    E2E_RATES,
    true,
    false,
  );
  const rawRate = ack.rawRate ?? Number.NaN;
  console.log(
    `\nsustained with ack p99 ≤ ${TARGET_P99_MS} ms: acknowledgement ${ack.sustainedRate.toFixed(0)} msg/s (ratio to raw insert ${(ack.sustainedRate / rawRate).toFixed(2)}), whole pipeline ${e2e.sustainedRate.toFixed(0)} msg/s (ratio ${(e2e.sustainedRate / rawRate).toFixed(2)}); raw insert ${rawRate.toFixed(0)}/s; target ≥ ${TARGET_RATE}`,
  );
  const result = {
    bench: 'ingest',
    at: new Date().toISOString(),
    node: process.version,
    // Other work on the machine skews every rate; the load average says how much there was.
    loadAverageAtEnd: os.loadavg(),
    stepSeconds: STEP_SECONDS,
    connections: CONNECTIONS,
    knownCustomers: KNOWN_CUSTOMERS,
    newCustomerShare: NEW_CUSTOMER_SHARE,
    rawInsertRate: rawRate,
    processingAlone: ack.alone,
    acknowledgement: {
      steps: ack.steps,
      sustainedRate: ack.sustainedRate,
      ratioToRawInsert: ack.sustainedRate / rawRate,
    },
    wholePipeline: {
      steps: e2e.steps,
      sustainedRate: e2e.sustainedRate,
      ratioToRawInsert: e2e.sustainedRate / rawRate,
      processingFailures: e2e.failed,
    },
    target: { rate: TARGET_RATE, ackP99Ms: TARGET_P99_MS, met: e2e.sustainedRate >= TARGET_RATE },
  };
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `ingest-${result.at.replace(/[:.]/g, '-')}.json`);
  await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), file)}`);
}

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConversationListItem, Page } from '@parley/contracts';
import { findFreePort } from '../apps/server/src/platform/db/embedded.ts';
import { spawnParley, waitForReady } from '../apps/server/test/parley-process.ts';
import {
  ensureSavedViews,
  listCases,
  measureBulk,
  measureCounts,
  measureLists,
  measureTranscripts,
  RUNS,
  type Sessions,
} from './allwork-cases.ts';
import { ensureDataSet } from './allwork-data.ts';
import {
  agentEmail,
  BENCH_AGENT,
  BENCH_PASSWORD,
  parseDataSetOptions,
  SUPERVISOR_EMAIL,
} from './allwork-fixture.ts';
import { round, Session } from './allwork-http.ts';

// `npm run bench -- allwork [--conversations N] [--data-dir DIR] [--port P] [--pg-port P]`: Parley
// (main.ts, a separate process) on the ALL WORK data set (generated first when DIR has none, see
// allwork-data.ts), measured over real HTTP as a signed-in supervisor and agent: first pages of
// typical lists, a deep page through the cursor, the sidebar counts, a bulk reassignment of 1,000
// conversations and a 100-conversation transcript download. Prints medians, p95 and the ratio to
// each target; asserts nothing about time.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const TARGETS = {
  firstPageP95Ms: 150,
  firstPageStretchMs: 50,
  deepPageRatio: 1.5,
  countsP95Ms: 200,
  bulkMs: 2000,
  firstByteMs: 1000,
  completeMs: 5000,
};

function flag(name: string): string | undefined {
  const argv = process.argv;
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** A customer name and a conversation number to search for, taken from the newest conversations. */
async function searchInputs(session: Session): Promise<{ name: string; number: number }> {
  const page = await session.json<Page<ConversationListItem>>(
    'GET',
    '/api/conversations?view=history&limit=100',
  );
  const named = page.items.slice(10).find((c) => c.customer.name);
  const numbered = page.items[20];
  if (!named?.customer.name || !numbered) throw new Error('the data set has too few conversations');
  return { name: named.customer.name, number: numbered.number };
}

export async function runAllworkBench(): Promise<void> {
  const options = parseDataSetOptions(process.argv.slice(3));
  const meta = await ensureDataSet(options);
  const parley = spawnParley({
    DATA_DIR: options.dataDir,
    PORT: flag('port') ?? String(await findFreePort()),
    EMBEDDED_PG_PORT: flag('pg-port') ?? String(await findFreePort()),
  });
  try {
    // Migrations newer than the data set build their indexes on start: that can take minutes.
    const url = await waitForReady(parley, 30 * 60_000);
    const serverPid = parley.child.pid as number;
    const sessions: Sessions = {
      supervisor: await Session.signIn(url, SUPERVISOR_EMAIL, BENCH_PASSWORD),
      agent: await Session.signIn(url, agentEmail(BENCH_AGENT), BENCH_PASSWORD),
    };
    await ensureSavedViews(sessions);
    const search = await searchInputs(sessions.supervisor);
    const loadBefore = os.loadavg();
    console.log(
      `\nALL WORK on ${meta.conversations} conversations (${meta.summary?.messages} messages), ${RUNS} runs per figure, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
    );
    const lists = await measureLists(sessions, listCases(new Date(meta.now), search.name, search.number));
    const counts = await measureCounts(sessions);
    const bulk = await measureBulk(sessions);
    const transcripts = await measureTranscripts(sessions, serverPid);
    const loadAfter = os.loadavg();

    console.log(
      `\ncase                                  rows  median     p95  p95/150  p95/50  deep p95  deep/first`,
    );
    for (const l of lists) {
      const deep = l.deep
        ? `${l.deep.p95.toString().padStart(8)}  ${round(l.deep.p95 / l.first.p95)
            .toString()
            .padStart(10)}`
        : '';
      console.log(
        `${l.name.padEnd(36)} ${String(l.rows).padStart(5)} ${l.first.median.toString().padStart(7)} ${l.first.p95.toString().padStart(7)} ${round(
          l.first.p95 / TARGETS.firstPageP95Ms,
        )
          .toString()
          .padStart(8)} ${round(l.first.p95 / TARGETS.firstPageStretchMs)
          .toString()
          .padStart(7)} ${deep}`,
      );
    }
    for (const [who, s] of Object.entries(counts)) {
      console.log(
        `view counts (${who}): median ${s.median} ms, p95 ${s.p95} ms = ${round(s.p95 / TARGETS.countsP95Ms)} of ${TARGETS.countsP95Ms} ms`,
      );
    }
    console.log(
      `bulk reassign of ${bulk.runs[0]?.matched}: median ${Math.round(bulk.ms.median)} ms, max ${Math.round(bulk.ms.max)} ms = ${round(bulk.ms.median / TARGETS.bulkMs)} of ${TARGETS.bulkMs} ms`,
    );
    for (const [format, t] of Object.entries(transcripts.formats)) {
      console.log(
        `transcripts .${format} × ${transcripts.conversations}: first byte median ${Math.round(t.firstByte.median)} ms (${round(t.firstByte.median / TARGETS.firstByteMs)} of 1 s), complete median ${Math.round(t.complete.median)} ms (${round(t.complete.median / TARGETS.completeMs)} of 5 s), peak RSS +${t.peakRssDeltaMb} MB`,
      );
    }
    console.log(
      `load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
    );

    const result = {
      bench: 'allwork',
      at: new Date().toISOString(),
      node: process.version,
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      // Other work on the same two cores inflates every figure; the load says how quiet it was.
      loadAverage: { before: loadBefore, after: loadAfter },
      dataSet: { conversations: meta.conversations, generatedSeconds: meta.seconds, ...meta.summary },
      targets: TARGETS,
      search,
      lists,
      counts,
      bulk,
      transcripts,
    };
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `allwork-${result.at.replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    parley.child.kill('SIGTERM');
    await parley.exited;
  }
}

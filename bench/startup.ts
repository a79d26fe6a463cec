import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../apps/server/src/platform/db/embedded.ts';
import { makeDataDir, spawnParley, waitForReady } from '../apps/server/test/parley-process.ts';

const RUNS = 5;
const IDLE_SECONDS = 5;
const TARGET_READY_MS = 2000;
const TARGET_IDLE_RSS_MB = 150;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

/**
 * The Node flags `npm start` gives main.ts (docs/decisions/0003-memory.md): the bench measures the
 * process as it runs in production, so it passes the same flags (through NODE_OPTIONS, to keep the
 * spawned PID the Parley process itself).
 */
function startScriptNodeFlags(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /\bnode((?: --\S+)*) apps\/server\/src\/main\.ts\b/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error('package.json "start" no longer runs `node [flags] apps/server/src/main.ts`');
  return (match[1] ?? '').trim();
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function summary(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** One start to "ready": wall time measured from spawn, RSS of the Parley process after IDLE_SECONDS. */
async function startOnce(
  env: Record<string, string>,
  measureIdle: boolean,
): Promise<{ readyMs: number; rssMb: number }> {
  const t0 = performance.now();
  const p = spawnParley(env);
  await waitForReady(p);
  const readyMs = performance.now() - t0;
  let rss = Number.NaN;
  if (measureIdle) {
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    rss = rssMb(p.child.pid as number);
  }
  p.child.kill('SIGTERM');
  const code = await p.exited;
  if (code !== 0) throw new Error(`Parley exited with ${code} on SIGTERM:\n${p.output()}`);
  return { readyMs, rssMb: rss };
}

/** Cold starts of main.ts on an existing (initialised, migrated) data folder. */
export async function runStartupBench(): Promise<void> {
  const nodeFlags = startScriptNodeFlags();
  const dataDir = await makeDataDir('parley-bench-startup-');
  const env = {
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await findFreePort()),
    LOG_LEVEL: 'info',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeFlags].filter(Boolean).join(' '),
  };
  console.log(`main.ts runs with the flags of npm start: ${nodeFlags || '(none)'}`);
  try {
    // The first start initialises the cluster and applies migrations: not what is measured.
    await startOnce(env, false);
    const runs: { readyMs: number; rssMb: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await startOnce(env, true));
      console.log(
        `run ${i + 1}/${RUNS}: ready ${runs[i]?.readyMs.toFixed(0)} ms, idle RSS ${runs[i]?.rssMb.toFixed(1)} MB`,
      );
    }
    const ready = summary(runs.map((r) => r.readyMs));
    const rss = summary(runs.map((r) => r.rssMb));
    console.log('\nmetric                 median      min      max   target');
    console.log(
      `start to ready (ms) ${ready.median.toFixed(0).padStart(9)} ${ready.min.toFixed(0).padStart(8)} ${ready.max.toFixed(0).padStart(8)}   ≤ ${TARGET_READY_MS}`,
    );
    console.log(
      `idle RSS (MB)       ${rss.median.toFixed(1).padStart(9)} ${rss.min.toFixed(1).padStart(8)} ${rss.max.toFixed(1).padStart(8)}   ≤ ${TARGET_IDLE_RSS_MB}`,
    );
    const result = {
      bench: 'startup',
      at: new Date().toISOString(),
      node: process.version,
      nodeFlags,
      runs,
      readyMs: { ...ready, target: TARGET_READY_MS, met: ready.median <= TARGET_READY_MS },
      idleRssMb: { ...rss, target: TARGET_IDLE_RSS_MB, met: rss.median <= TARGET_IDLE_RSS_MB },
    };
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `startup-${result.at.replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

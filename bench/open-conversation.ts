import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { LONG_THREAD_TOPIC } from '../apps/server/src/modules/demo/demo-long-thread.ts';
import { DEMO_PASSWORD } from '../apps/server/src/modules/demo/demo-people.ts';
import { findFreePort } from '../apps/server/src/platform/db/embedded.ts';
import { makeDataDir, spawnParley, waitForReady } from '../apps/server/test/parley-process.ts';
import { LoginPage } from '../e2e/pages/auth-pages.ts';
import { Shell } from '../e2e/pages/shell.ts';
import { launchBrowser } from '../e2e/support/browser.ts';

// `npm run bench -- open-conversation`: Parley with the demo data, agent1 in Debian's Chromium.
// 1. Opens the 5,000-message conversation OPEN_RUNS times, each a fresh page load, and reads the
//    timeline's performance marks: data received (`parley:timeline-data`) → first page painted
//    (`parley:timeline-painted`). 2. Scrolls up through the history with the mouse wheel until
//    OLDER_PAGES older pages have loaded, timing each page (request → answer → painted) and every
//    animation frame meanwhile. Prints medians and ratios; asserts nothing about time.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const OPEN_RUNS = Number(process.env.OPEN_RUNS ?? 15);
const OLDER_PAGES = Number(process.env.OLDER_PAGES ?? 10);
const TARGET_OPEN_MS = 200;
/** A frame longer than this is visible as a stutter (three missed 60 Hz frames). */
const LONG_FRAME_MS = 50;
const DATA_MARK = 'parley:timeline-data';
const PAINTED_MARK = 'parley:timeline-painted';

interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
}

function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

const round = (n: number) => Math.round(n * 10) / 10;

interface OpenRun {
  /** From the page's time origin (navigation start) to the first timeline page's data. */
  navigationToDataMs: number;
  dataToPaintedMs: number;
}

/** One fresh page load of the conversation, read from the timeline's own marks. */
async function openOnce(page: Page, url: string): Promise<OpenRun> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PAINTED_MARK, {
    timeout: 30_000,
  });
  return page.evaluate(
    ([data, painted]) => {
      const d = performance.getEntriesByName(data)[0]?.startTime ?? Number.NaN;
      const p = performance.getEntriesByName(painted)[0]?.startTime ?? Number.NaN;
      return { navigationToDataMs: d, dataToPaintedMs: p - d };
    },
    [DATA_MARK, PAINTED_MARK] as const,
  );
}

interface OlderPage {
  requestToAnswerMs: number;
  answerToPaintedMs: number;
}

/**
 * Wheels up through the history until `pages` older pages have been fetched and painted. Inside the
 * page, a resource observer times each older-page request (start → last byte) and the frame after
 * its answer was rendered; a requestAnimationFrame loop records every frame's length meanwhile.
 */
async function scrollThroughHistory(page: Page, pages: number) {
  const timeline = page.getByTestId('timeline');
  const box = await timeline.boundingBox();
  if (!box) throw new Error('timeline not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = globalThis as unknown as Recorder;
    w.benchFrames = [];
    w.benchOlder = [];
    w.benchRecording = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.benchFrames.push(t - last);
      last = t;
      if (w.benchRecording) w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!/\/timeline\?.*before=/.test(entry.name)) continue;
        const timing = entry as unknown as { startTime: number; responseEnd: number };
        // Two frames after the answer: React has committed the page and the browser painted it.
        w.requestAnimationFrame(() =>
          w.requestAnimationFrame(() =>
            w.benchOlder.push({
              requestToAnswerMs: timing.responseEnd - timing.startTime,
              answerToPaintedMs: performance.now() - timing.responseEnd,
            }),
          ),
        );
      }
    }).observe({ type: 'resource' });
  });
  const loaded = () => page.evaluate(() => (globalThis as unknown as Recorder).benchOlder.length);
  const started = performance.now();
  const deadline = Date.now() + 120_000;
  while ((await loaded()) < pages && Date.now() < deadline) {
    await page.mouse.wheel(0, -1200);
    await page.waitForTimeout(16);
  }
  const totalMs = performance.now() - started;
  const { older, frames } = await page.evaluate(() => {
    const w = globalThis as unknown as Recorder;
    w.benchRecording = false;
    return { older: w.benchOlder.slice(), frames: w.benchFrames.slice(1) };
  });
  const renderedRows = await timeline.locator('[data-index]').count();
  return { older, totalMs, frames, renderedRows };
}

/**
 * What the in-page recorder keeps on the page's global object, and the browser function it uses
 * (this project's TypeScript settings carry no DOM types).
 */
interface Recorder {
  benchFrames: number[];
  benchOlder: OlderPage[];
  benchRecording: boolean;
  requestAnimationFrame(callback: (time: number) => void): number;
}

export async function runOpenConversationBench(): Promise<void> {
  execFileSync(process.execPath, ['scripts/ensure-web-build.ts'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = await makeDataDir('parley-bench-open-');
  const parley = spawnParley({
    DATA_DIR: dataDir,
    PORT: String(await findFreePort()),
    EMBEDDED_PG_PORT: String(await findFreePort()),
    SEED_DEMO: 'true',
  });
  const browser = await launchBrowser();
  try {
    const url = await waitForReady(parley);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${url}/login`);
    await new LoginPage(page).signIn('agent1@parley.demo', DEMO_PASSWORD);
    await new Shell(page).waitUntilSignedIn();
    const conversationId = await page.evaluate(async (topic) => {
      const res = await fetch('/api/conversations?view=mine&limit=50');
      const { items } = (await res.json()) as { items: Array<{ id: string; topic: string }> };
      return items.find((c) => c.topic === topic)?.id;
    }, LONG_THREAD_TOPIC);
    if (!conversationId) throw new Error(`"${LONG_THREAD_TOPIC}" is not in agent1's MY WORK`);
    const target = `${url}/my-work/${conversationId}`;

    // The first load warms the server's and the browser's caches; it is not counted.
    await openOnce(page, target);
    const runs: OpenRun[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      runs.push(await openOnce(page, target));
      console.log(
        `open ${i + 1}/${OPEN_RUNS}: data → painted ${round(runs[i]?.dataToPaintedMs ?? 0)} ms ` +
          `(data ${round(runs[i]?.navigationToDataMs ?? 0)} ms after navigation)`,
      );
    }
    const history = await scrollThroughHistory(page, OLDER_PAGES);

    const open = summary(runs.map((r) => r.dataToPaintedMs));
    const toData = summary(runs.map((r) => r.navigationToDataMs));
    const olderFetch = summary(history.older.map((o) => o.requestToAnswerMs));
    const paint = summary(history.older.map((o) => o.answerToPaintedMs));
    const frames = summary(history.frames);
    const longFrames = history.frames.filter((f) => f > LONG_FRAME_MS).length;
    console.log(
      `\n${LONG_THREAD_TOPIC}: 5,000 messages, ${OPEN_RUNS} fresh opens, Chromium 1280×800, ` +
        `load average ${os.loadavg()[0]?.toFixed(1)}`,
    );
    console.log('metric                              median      p95      max');
    const line = (name: string, s: Summary) =>
      console.log(
        `${name.padEnd(34)} ${round(s.median).toString().padStart(7)} ${round(s.p95).toString().padStart(8)} ${round(s.max).toString().padStart(8)}`,
      );
    line('open: data → painted (ms)', open);
    line('open: navigation → data (ms)', toData);
    line('older page: request → answer (ms)', olderFetch);
    line(`older page: answer → painted (ms)`, paint);
    line('frame while scrolling (ms)', frames);
    console.log(
      `\ndata → painted median ${round(open.median)} ms = ${round(open.median / TARGET_OPEN_MS)} of the ${TARGET_OPEN_MS} ms target; p95/median ${round(open.p95 / open.median)}`,
    );
    console.log(
      `${history.older.length} older pages loaded and painted in ${round(history.totalMs)} ms of wheel scrolling; ` +
        `${history.frames.length} frames, ${longFrames} over ${LONG_FRAME_MS} ms (${round((100 * longFrames) / Math.max(1, history.frames.length))} %); ` +
        `${history.renderedRows} timeline rows in the DOM afterwards`,
    );

    const result = {
      bench: 'open-conversation',
      at: new Date().toISOString(),
      node: process.version,
      chromium: browser.version(),
      // Other work on the same two cores inflates every figure; the load says how quiet it was.
      loadAverage: os.loadavg(),
      conversation: { topic: LONG_THREAD_TOPIC, messages: 5000 },
      runs,
      dataToPaintedMs: { ...open, target: TARGET_OPEN_MS, ratioToTarget: open.median / TARGET_OPEN_MS },
      navigationToDataMs: toData,
      history: {
        pages: history.older,
        totalMs: history.totalMs,
        requestToAnswerMs: olderFetch,
        answerToPaintedMs: paint,
        frameMs: frames,
        longFrames,
        frames: history.frames.length,
        renderedRows: history.renderedRows,
      },
    };
    await fs.mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `open-conversation-${result.at.replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser.close();
    parley.child.kill('SIGTERM');
    await parley.exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

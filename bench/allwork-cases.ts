import type { BulkActionResult, ConversationListItem, Page } from '@parley/contracts';
import {
  agentId,
  BULK_TAG,
  BULK_TARGETS,
  queueId,
  TRANSCRIPT_CONVERSATIONS,
  TRANSCRIPT_TAG,
  tagId,
} from './allwork-fixture.ts';
import {
  type Download,
  queryString,
  type Session,
  type Summary,
  sleep,
  summary,
  timedDownload,
} from './allwork-http.ts';

// The measurements of `npm run bench -- allwork`, each through the real HTTP API of a running Parley.

export const RUNS = Number(process.env.ALLWORK_RUNS ?? 40);
const WARMUP = 3;
const DEEP_PAGE = 50;
const BULK_RUNS = Number(process.env.ALLWORK_BULK_RUNS ?? 5);
const DOWNLOAD_RUNS = Number(process.env.ALLWORK_DOWNLOAD_RUNS ?? 3);

type Query = Record<string, string | number | readonly string[] | undefined>;

export interface ListCase {
  name: string;
  who: 'supervisor' | 'agent';
  query: Query;
  /** Also measured at page DEEP_PAGE through the cursor. */
  deep?: boolean;
}

export interface Sessions {
  supervisor: Session;
  agent: Session;
}

/** The list cases: typical views, filters and sorts of a supervisor and an agent. */
export function listCases(now: Date, searchName: string, searchNumber: number): ListCase[] {
  const day = 86_400_000;
  return [
    { name: 'all, pending (default)', who: 'supervisor', query: { view: 'all' }, deep: true },
    { name: 'unassigned', who: 'supervisor', query: { view: 'unassigned' } },
    { name: 'history, requested', who: 'supervisor', query: { view: 'history' }, deep: true },
    { name: 'queue view (Returns)', who: 'supervisor', query: { view: 'queue', queueId: queueId(3) } },
    { name: 'mine (agent)', who: 'agent', query: { view: 'mine' } },
    { name: 'all, priority=URGENT', who: 'supervisor', query: { view: 'all', priority: 'URGENT' } },
    { name: 'all, channel=WHATSAPP', who: 'supervisor', query: { view: 'all', channel: 'WHATSAPP' } },
    {
      name: 'all, status=WAITING + queue',
      who: 'supervisor',
      query: { view: 'all', status: 'WAITING', queueId: queueId(0) },
    },
    { name: 'history, tag=refund', who: 'supervisor', query: { view: 'history', tag: tagId('refund') } },
    { name: 'history, q=customer name', who: 'supervisor', query: { view: 'history', q: searchName } },
    { name: 'history, q=#number', who: 'supervisor', query: { view: 'history', q: `#${searchNumber}` } },
    { name: 'all, sort=customer', who: 'supervisor', query: { view: 'all', sort: 'customer' }, deep: true },
    {
      name: 'history, 7-day date range',
      who: 'supervisor',
      query: {
        view: 'history',
        createdFrom: new Date(now.getTime() - 100 * day).toISOString(),
        createdTo: new Date(now.getTime() - 93 * day).toISOString(),
      },
    },
    { name: 'all (agent visibility)', who: 'agent', query: { view: 'all' }, deep: true },
  ];
}

const listPath = (query: Query, cursor?: string) => `/api/conversations${queryString({ ...query, cursor })}`;

async function repeat(fn: () => Promise<number>, runs = RUNS): Promise<Summary> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  return summary(times);
}

export interface ListResult {
  name: string;
  rows: number;
  first: Summary;
  deep?: Summary;
}

/** First page of each case, and page DEEP_PAGE through the cursor for those marked deep. */
export async function measureLists(sessions: Sessions, cases: readonly ListCase[]): Promise<ListResult[]> {
  const results: ListResult[] = [];
  for (const c of cases) {
    const session = sessions[c.who];
    const page = await session.json<Page<ConversationListItem>>('GET', listPath(c.query));
    const first = await repeat(async () => (await session.timed('GET', listPath(c.query))).ms);
    let deep: Summary | undefined;
    if (c.deep) {
      let cursor = page.nextCursor;
      for (let p = 2; p < DEEP_PAGE && cursor; p++) {
        cursor = (await session.json<Page<ConversationListItem>>('GET', listPath(c.query, cursor)))
          .nextCursor;
      }
      const at = cursor;
      if (at) deep = await repeat(async () => (await session.timed('GET', listPath(c.query, at))).ms);
    }
    results.push({ name: c.name, rows: page.items.length, first, deep });
    console.log(
      `${c.name}: median ${first.median} ms, p95 ${first.p95} ms${deep ? `; page ${DEEP_PAGE} p95 ${deep.p95} ms` : ''}`,
    );
  }
  return results;
}

/** `/api/views/counts` for both users (the supervisor sees every queue and the saved views). */
export async function measureCounts(sessions: Sessions): Promise<Record<string, Summary>> {
  const out: Record<string, Summary> = {};
  for (const who of ['supervisor', 'agent'] as const) {
    out[who] = await repeat(async () => (await sessions[who].timed('GET', '/api/views/counts')).ms);
    console.log(`view counts (${who}): median ${out[who].median} ms, p95 ${out[who].p95} ms`);
  }
  return out;
}

/** Saved views for the counts: three global ones (supervisor) and a private one (agent); kept between runs. */
export async function ensureSavedViews(sessions: Sessions): Promise<void> {
  const views = [
    {
      who: 'supervisor',
      name: 'Bench: urgent WhatsApp',
      filters: { view: 'all', priority: ['URGENT'], channel: ['WHATSAPP'] },
    },
    {
      who: 'supervisor',
      name: 'Bench: Billing waiting',
      filters: { view: 'queue', queueId: [queueId(0)], status: ['WAITING'] },
    },
    { who: 'supervisor', name: 'Bench: VIP history', filters: { view: 'history', tag: [tagId('vip')] } },
    { who: 'agent', name: 'Bench: my urgent', filters: { view: 'mine', priority: ['URGENT', 'HIGH'] } },
  ] as const;
  for (const v of views) {
    const scope = v.who === 'supervisor' ? 'global' : 'private';
    const res = await sessions[v.who].request('POST', '/api/views', {
      name: v.name,
      scope,
      filters: v.filters,
    });
    if (res.status !== 201 && res.status !== 200 && res.status !== 409) {
      throw new Error(`saving view ${v.name}: ${res.status} ${await res.text()}`);
    }
  }
}

export interface BulkRun {
  ms: number;
  matched: number;
  changed: number;
  refused: number;
}

/** Reassigns the bulk set (1,000 conversations, by filter) back and forth between two queue members. */
export async function measureBulk(sessions: Sessions): Promise<{ runs: BulkRun[]; ms: Summary }> {
  const runs: BulkRun[] = [];
  for (let i = 0; i < BULK_RUNS; i++) {
    const target = BULK_TARGETS[i % BULK_TARGETS.length] as number;
    const { ms, json } = await sessions.supervisor.timed<BulkActionResult>(
      'POST',
      '/api/conversations/bulk',
      {
        filter: { view: 'all', tag: [tagId(BULK_TAG)] },
        action: { type: 'reassign', userId: agentId(target) },
      },
    );
    runs.push({ ms, matched: json.matched, changed: json.changed, refused: json.refused.length });
    console.log(`bulk reassign ${i + 1}: ${Math.round(ms)} ms, ${json.changed}/${json.matched} changed`);
    // The after-commit handlers of the previous run are not part of the next one's figure.
    await sleep(3000);
  }
  return { runs, ms: summary(runs.map((r) => r.ms)) };
}

/** The transcript set (100 conversations × 50 messages) as a .zip of .txt and of .xlsx files. */
export async function measureTranscripts(sessions: Sessions, serverPid: number) {
  const page = await sessions.supervisor.json<Page<ConversationListItem>>(
    'GET',
    listPath({ view: 'history', tag: tagId(TRANSCRIPT_TAG), limit: TRANSCRIPT_CONVERSATIONS }),
  );
  const ids = page.items.map((c) => c.id);
  const out: Record<
    string,
    { runs: Download[]; firstByte: Summary; complete: Summary; peakRssDeltaMb: number }
  > = {};
  for (const format of ['txt', 'xlsx'] as const) {
    const runs: Download[] = [];
    for (let i = 0; i < DOWNLOAD_RUNS; i++) {
      const d = await timedDownload(
        sessions.supervisor,
        '/api/conversations/transcripts',
        { ids, format },
        serverPid,
      );
      if (d.status !== 200 || d.head !== 'PK')
        throw new Error(`transcripts ${format}: ${d.status} ${d.head}`);
      runs.push(d);
      console.log(
        `transcripts .${format} (${ids.length}): first byte ${Math.round(d.firstByteMs)} ms, complete ${Math.round(d.completeMs)} ms, ${Math.round(d.bytes / 1024)} KiB, RSS +${d.peakRssDeltaMb} MB`,
      );
      await sleep(500);
    }
    out[format] = {
      runs,
      firstByte: summary(runs.map((r) => r.firstByteMs)),
      complete: summary(runs.map((r) => r.completeMs)),
      peakRssDeltaMb: Math.max(...runs.map((r) => r.peakRssDeltaMb)),
    };
  }
  return { conversations: ids.length, formats: out };
}

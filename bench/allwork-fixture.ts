import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

// What the ALL WORK data set generator (allwork-data.ts) and the bench (allwork.ts) share: sizes,
// the people and places the data set has, and its deterministic ids. Every id is the md5 of a label
// shaped as a version-4 UUID, the same function in SQL (allwork-data-sql.ts `pg_temp.buuid`) and here,
// so the bench finds its queues, tags and people without asking the database.

export const AGENTS = 50;
export const QUEUES = 10;
export const BASE_TAGS = 20;
/** Everyone in the data set signs in with this password. */
export const BENCH_PASSWORD = 'bench-password-1';
export const SUPERVISOR_EMAIL = 'supervisor@parley.bench';
/** The agent the bench signs in as: member of queues 7 and 1 (see `queuesOfAgent`). */
export const BENCH_AGENT = 7;
/** The queue of the bulk set; its bulk reassignments alternate between these two members. */
export const BULK_QUEUE = 1;
export const BULK_TARGETS = [5, 6] as const;
export const BULK_TAG = 'bench-bulk';
export const TRANSCRIPT_TAG = 'bench-transcripts';
/** Conversations of the transcript set, each with exactly this many messages. */
export const TRANSCRIPT_CONVERSATIONS = 100;
export const TRANSCRIPT_MESSAGES = 50;

export const DEFAULT_CONVERSATIONS = 1_000_000;

/** A deterministic UUID (version 4 shape) for a label; `pg_temp.buuid` computes the same. */
export function benchUuid(label: string): string {
  const h = createHash('md5').update(label).digest('hex');
  const v = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
}

export const agentId = (a: number) => benchUuid(`agent:${a}`);
export const agentEmail = (a: number) => `agent${a}@parley.bench`;
export const queueId = (q: number) => benchUuid(`queue:${q}`);
export const tagId = (name: string) => benchUuid(`tag:${name}`);
export const baseTagName = (t: number) => BASE_TAG_NAMES[t] ?? `tag-${t}`;

/** Agent `a` belongs to queue `a % 10` and queue `floor(a / 5) % 10` (one queue when they coincide). */
export function queuesOfAgent(a: number): number[] {
  return [...new Set([a % QUEUES, Math.floor(a / 5) % QUEUES])];
}

export const BASE_TAG_NAMES = [
  'billing',
  'delivery',
  'refund',
  'complaint',
  'vip',
  'technical',
  'returns',
  'invoice',
  'warranty',
  'feedback',
  'cancellation',
  'password',
  'upgrade',
  'shipping-damage',
  'fraud-check',
  'loyalty',
  'b2b',
  'escalated',
  'follow-up',
  'spam',
];

export const QUEUE_NAMES = [
  'Billing',
  'Sales',
  'Technical support',
  'Returns',
  'Delivery',
  'Accounts',
  'Premium',
  'Partners',
  'Onboarding',
  'Complaints',
];

export interface DataSetOptions {
  conversations: number;
  dataDir: string;
}

/** `--conversations N` and `--data-dir DIR` (or ALLWORK_CONVERSATIONS / ALLWORK_DATA_DIR). */
export function parseDataSetOptions(argv: readonly string[]): DataSetOptions {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const conversations = Number(
    flag('conversations') ?? process.env.ALLWORK_CONVERSATIONS ?? DEFAULT_CONVERSATIONS,
  );
  if (!Number.isInteger(conversations) || conversations < 10_000 || conversations % 100 !== 0) {
    throw new Error('--conversations must be a whole multiple of 100, at least 10000');
  }
  const dataDir = path.resolve(
    flag('data-dir') ??
      process.env.ALLWORK_DATA_DIR ??
      path.join(os.tmpdir(), `parley-bench-allwork-${conversations}`),
  );
  return { conversations, dataDir };
}

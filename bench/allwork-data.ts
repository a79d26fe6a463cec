import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { ensureDefaultQueue } from '../apps/server/src/modules/queues/queues.service.ts';
import { hashPassword } from '../apps/server/src/modules/users/passwords.ts';
import { createDb } from '../apps/server/src/platform/db/client.ts';
import { findFreePort, startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.ts';
import { acquireDataDirLock } from '../apps/server/src/platform/db/lock.ts';
import { runMigrations } from '../apps/server/src/platform/db/migrate.ts';
import {
  chunkStatements,
  type DataSetShape,
  HELPERS,
  STATIC_PEOPLE,
  STATIC_PLACES,
  staticCustomers,
} from './allwork-data-sql.ts';
import { BENCH_PASSWORD, benchUuid, type DataSetOptions, parseDataSetOptions } from './allwork-fixture.ts';

// `npm run bench -- allwork-data [--conversations 1000000] [--data-dir DIR]`: the ALL WORK data set
// (1,000,000 conversations, ~10,000,000 messages by default) in the embedded database of DIR, ready
// for `npm run bench -- allwork`. Set-based SQL in chunks of CHUNK conversations, each chunk one
// transaction, so an interrupted run resumes after its last chunk; a finished one is skipped. Secondary
// indexes are dropped while loading and rebuilt at the end (their definitions are kept in the meta
// file until then). The load runs with fsync off; a clean stop and `sync` make the files durable.

const CHUNK = 20_000;
const META = 'allwork-dataset.json';
/** Tables the load writes; their secondary indexes are rebuilt after it. */
const LOADED_TABLES = [
  'conversations',
  'messages',
  'conversation_log',
  'conversation_tags',
  'conversation_reads',
  'customers',
  'customer_destinations',
  'notes',
  'bot_sessions',
];
/** Settings of the loading server only; the bench and Parley run with the defaults. */
const LOAD_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  autovacuum: 'off',
  shared_buffers: '2GB',
  max_wal_size: '16GB',
  checkpoint_timeout: '1h',
};

interface Meta extends DataSetShape {
  /** Definitions of the secondary indexes dropped for the load, rebuilt at its end. */
  droppedIndexes: { name: string; def: string }[];
  /** People, queues, tags and customers are in (committed). */
  setUp: boolean;
  finished: boolean;
  seconds: Record<string, number>;
  summary?: Record<string, number | string>;
}

const metaFile = (dataDir: string) => path.join(dataDir, META);
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

async function readMeta(dataDir: string): Promise<Meta | null> {
  try {
    return JSON.parse(await fs.readFile(metaFile(dataDir), 'utf8')) as Meta;
  } catch {
    return null;
  }
}

async function writeMeta(dataDir: string, meta: Meta): Promise<void> {
  await fs.writeFile(metaFile(dataDir), `${JSON.stringify(meta, null, 2)}\n`);
}

/** Whether DIR holds a finished data set of this size. */
export async function dataSetReady(options: DataSetOptions): Promise<boolean> {
  const meta = await readMeta(options.dataDir);
  return meta?.finished === true && meta.conversations === options.conversations;
}

async function setUp(
  client: pg.Client,
  dataDir: string,
  conversations: number,
  url: string,
  previous: Meta | null,
): Promise<Meta> {
  if (previous?.setUp) return previous;
  const started = performance.now();
  const db = createDb(url, 2);
  const defaultQueueId = (await ensureDefaultQueue(db.orm)).id;
  await db.close();
  const meta: Meta = {
    conversations,
    customers: conversations / 5,
    now: previous?.now ?? new Date().toISOString(),
    defaultQueueId,
    botId: benchUuid('bot:faq'),
    droppedIndexes: previous?.droppedIndexes ?? [],
    setUp: false,
    finished: false,
    seconds: {},
  };
  await client.query('begin');
  await client.query(STATIC_PEOPLE, [await hashPassword(BENCH_PASSWORD)]);
  await client.query(STATIC_PLACES);
  await client.query(
    `insert into bots (id, name, kind) values ($1, 'Bench FAQ bot', 'KEYWORD') on conflict do nothing`,
    [meta.botId],
  );
  // The indexes go before the customers: those are loaded without them too.
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  const known = new Set(meta.droppedIndexes.map((i) => i.name));
  meta.droppedIndexes.push(...rows.filter((i) => !known.has(i.name)));
  await writeMeta(dataDir, meta);
  for (const { name } of rows) await client.query(`drop index if exists "${name}"`);
  await client.query(staticCustomers(meta.customers, meta.now));
  await client.query('commit');
  meta.setUp = true;
  meta.seconds.setup = seconds(started);
  await writeMeta(dataDir, meta);
  console.log(`people, queues, tags and ${meta.customers} customers in ${meta.seconds.setup} s`);
  return meta;
}

async function loadConversations(client: pg.Client, meta: Meta): Promise<void> {
  const started = performance.now();
  const { rows } = await client.query<{ n: number }>(
    'select coalesce(max(number), 0)::int as n from conversations',
  );
  const done = rows[0]?.n ?? 0;
  if (done > 0) console.log(`resuming after conversation ${done}`);
  for (let from = done + 1; from <= meta.conversations; from += CHUNK) {
    const to = Math.min(meta.conversations, from + CHUNK - 1);
    const t = performance.now();
    await client.query('begin');
    for (const statement of chunkStatements(meta, from, to)) await client.query(statement);
    await client.query('commit');
    const rate = Math.round((to - from + 1) / ((performance.now() - t) / 1000));
    console.log(`conversations ${from}–${to}: ${seconds(t)} s (${rate}/s)`);
  }
  meta.seconds.conversations = (meta.seconds.conversations ?? 0) + seconds(started);
}

async function rebuildIndexes(client: pg.Client, meta: Meta): Promise<void> {
  const started = performance.now();
  await client.query(`set maintenance_work_mem = '1GB'`);
  await client.query('set max_parallel_maintenance_workers = 1');
  for (const { name, def } of meta.droppedIndexes) {
    const { rowCount } = await client.query('select 1 from pg_indexes where indexname = $1', [name]);
    if (rowCount) continue;
    const t = performance.now();
    await client.query(def);
    console.log(`index ${name}: ${seconds(t)} s`);
  }
  meta.seconds.indexes = seconds(started);
}

async function finish(client: pg.Client, meta: Meta): Promise<void> {
  let started = performance.now();
  await client.query(
    `select setval(pg_get_serial_sequence('conversations', 'number'), (select max(number) from conversations))`,
  );
  await client.query('vacuum (freeze, analyze)');
  await client.query('checkpoint');
  meta.seconds.vacuum = seconds(started);
  started = performance.now();
  const count = async (table: string) =>
    Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
  const { rows } = await client.query<{ size: string; bytes: string }>(
    `select pg_size_pretty(pg_database_size(current_database())) as size, pg_database_size(current_database()) as bytes`,
  );
  meta.summary = {
    conversations: await count('conversations'),
    nonClosed: Number(
      (await client.query(`select count(*) as n from conversations where status <> 'CLOSED'`)).rows[0].n,
    ),
    messages: await count('messages'),
    customers: await count('customers'),
    logEntries: await count('conversation_log'),
    conversationTags: await count('conversation_tags'),
    readCursors: await count('conversation_reads'),
    botSessions: await count('bot_sessions'),
    databaseSize: rows[0]?.size ?? '?',
    databaseBytes: Number(rows[0]?.bytes ?? 0),
  };
}

/** Generates (or resumes, or skips) the data set; the caller must not hold DIR's lock. */
export async function ensureDataSet(options: DataSetOptions): Promise<Meta> {
  const { dataDir, conversations } = options;
  await fs.mkdir(dataDir, { recursive: true });
  await fs.chmod(dataDir, 0o755);
  const existing = await readMeta(dataDir);
  if (existing && existing.conversations !== conversations) {
    throw new Error(
      `${dataDir} holds a data set of ${existing.conversations} conversations; use another --data-dir`,
    );
  }
  if (existing?.finished) {
    console.log(`data set of ${conversations} conversations already in ${dataDir}`);
    return existing;
  }
  const { lock } = await acquireDataDirLock(dataDir);
  const logger = pino({ level: 'warn' });
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    logger,
    settings: LOAD_SETTINGS,
  });
  const client = new pg.Client({ connectionString: postgres.url });
  const started = performance.now();
  try {
    const db = createDb(postgres.url, 2);
    await runMigrations(db);
    await db.close();
    await client.connect();
    await client.query(`set temp_buffers = '512MB'`);
    // The data is consistent by construction: no foreign-key triggers while loading.
    await client.query('set session_replication_role = replica');
    await client.query(HELPERS);
    console.log(`generating ${conversations} conversations into ${dataDir}`);
    const meta = await setUp(client, dataDir, conversations, postgres.url, existing);
    await loadConversations(client, meta);
    await writeMeta(dataDir, meta);
    await client.query('set session_replication_role = origin');
    await rebuildIndexes(client, meta);
    await finish(client, meta);
    meta.finished = true;
    meta.seconds.total = Math.round(Object.values(meta.seconds).reduce((a, b) => a + b, 0) * 10) / 10;
    await writeMeta(dataDir, meta);
    console.log(`done in ${seconds(started)} s this run:`, meta.summary, meta.seconds);
    return meta;
  } finally {
    await client.end().catch(() => {});
    await postgres.stop();
    execFileSync('sync');
    await lock.release();
  }
}

export async function runAllworkDataBench(): Promise<void> {
  await ensureDataSet(parseDataSetOptions(process.argv.slice(3)));
}

import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import pino from 'pino';
import { createCustomer } from '../apps/server/src/modules/customers/customers.service.ts';
import { createDb, type Db } from '../apps/server/src/platform/db/client.ts';
import { embeddedUrl, findFreePort } from '../apps/server/src/platform/db/embedded.ts';
import { createEvents } from '../apps/server/src/platform/events/events.ts';
import { makeDataDir, postmasterPid, spawnParley, waitForReady } from '../apps/server/test/parley-process.ts';

// The Parley under test for `npm run bench -- ingest`: a real process on a fresh embedded database,
// with a first admin, one WhatsApp connection and a set of known customers.

export const OUR_SENDER = '447860099299';
export const KNOWN_CUSTOMERS = 2000;
/** Pool of the bench's own connection (counting, seeding, processing alone), as small as a server's. */
export const PROCESSING_POOL = 8;
export const knownAddress = (i: number) => `3859${String(i).padStart(8, '0')}`;

// CPU time from /proc (Linux, 100 ticks/s): unlike rates, other load on the machine does not skew it.
function procStat(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
function cpuSeconds(fields: string[] | undefined): number {
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
}
/** The postmaster, its live backends, and (cutime/cstime) the backends that already exited. */
function postgresCpuSeconds(postmaster: number): number {
  const own = procStat(postmaster);
  let total = cpuSeconds(own) + (own ? (Number(own[13]) + Number(own[14])) / 100 : 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(entry);
    if (fields && Number(fields[1]) === postmaster) total += cpuSeconds(fields);
  }
  return total;
}

export interface BenchParley {
  base: string;
  /** The embedded database, for counting rows and the raw insert measurement. */
  dbUrl: string;
  db: Db;
  /** Basic credentials of the connection, as Infobip would send them. */
  authorization: string;
  cpu: { parley: () => number; postgres: () => number };
  stop(): Promise<void>;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** Starts Parley (processing on or off), signs in the first admin, connects WhatsApp, adds known customers. */
export async function startBenchParley(options: { processing: boolean }): Promise<BenchParley> {
  const dataDir = await makeDataDir('parley-bench-ingest-');
  const pgPort = await findFreePort();
  const parley = spawnParley({
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'info',
    JOBS_ENABLED: String(options.processing),
  });
  const stop = async () => {
    parley.child.kill('SIGTERM');
    await parley.exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    const base = await waitForReady(parley);
    const dbUrl = await embeddedUrl(dataDir, pgPort);
    const admin = await post(`${base}/api/setup/first-admin`, {
      email: 'bench@example.test',
      displayName: 'Bench',
      password: 'correct horse battery',
    });
    const cookie = (admin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await admin.json()) as { csrfToken: string };
    const created = await post(
      `${base}/api/channel-connections`,
      {
        channel: 'WHATSAPP',
        name: 'Bench line',
        sender: OUR_SENDER,
        provider: 'infobip',
        settings: { baseUrl: 'http://127.0.0.1:9', apiKey: 'bench-api-key-0000' },
      },
      { cookie, 'x-csrf-token': csrfToken },
    );
    const { webhook } = (await created.json()) as { webhook: { username: string; password: string } };

    const db = createDb(dbUrl, PROCESSING_POOL);
    const events = createEvents(db, pino({ level: 'silent' }));
    for (let i = 0; i < KNOWN_CUSTOMERS; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, KNOWN_CUSTOMERS - i) }, (_, k) =>
          createCustomer(events, {
            name: `Customer ${i + k}`,
            destinations: [{ channel: 'WHATSAPP', address: knownAddress(i + k) }],
          }),
        ),
      );
    }
    const postmaster = await postmasterPid(dataDir);
    const parleyPid = parley.child.pid as number;
    return {
      base,
      dbUrl,
      db,
      authorization: `Basic ${Buffer.from(`${webhook.username}:${webhook.password}`).toString('base64')}`,
      cpu: { parley: () => cpuSeconds(procStat(parleyPid)), postgres: () => postgresCpuSeconds(postmaster) },
      async stop() {
        await db.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/platform/db/embedded.ts';
import { isProcessAlive } from '../src/platform/db/lock.ts';
import {
  makeDataDir,
  type ParleyProcess,
  postmasterPid,
  spawnParley,
  waitForReady,
} from './parley-process.ts';

const started: ParleyProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const p of started) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function startParley(dataDir: string, pgPort: number): Promise<{ p: ParleyProcess; url: string }> {
  const p = spawnParley({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
  started.push(p);
  return { p, url: await waitForReady(p) };
}

async function setup(): Promise<{ dataDir: string; pgPort: number }> {
  const dataDir = await makeDataDir();
  dirs.push(dataDir);
  return { dataDir, pgPort: await findFreePort() };
}

async function connect(dataDir: string, pgPort: number): Promise<pg.Client> {
  const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port: pgPort,
    user: 'postgres',
    password,
    database: 'parley',
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

interface Writer {
  acknowledged: number[];
  /** Resolves once `count` rows are acknowledged; fails if the writer stopped before. */
  reached(count: number): Promise<void>;
  stop(): Promise<void>;
}

/** Inserts rows from `firstId` on, one committed statement at a time, until stopped or the server goes away. */
function writeUntilStopped(client: pg.Client, firstId: number): Writer {
  const acknowledged: number[] = [];
  let stopping = false;
  let failure: Error | undefined;
  const loop = (async () => {
    for (let i = firstId; !stopping; i++) {
      try {
        await client.query('INSERT INTO crash_probe (id) VALUES ($1)', [i]);
        acknowledged.push(i);
      } catch (err) {
        failure = err as Error;
        return;
      }
    }
  })();
  return {
    acknowledged,
    async reached(count) {
      while (acknowledged.length < count) {
        if (failure) throw failure;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      stopping = true;
      await loop;
      await client.end().catch(() => {});
    },
  };
}

describe('Parley process lifecycle', () => {
  it('keeps every acknowledged write when killed with SIGKILL, and comes back ready', async () => {
    const { dataDir, pgPort } = await setup();
    const first = await startParley(dataDir, pgPort);
    const setupClient = await connect(dataDir, pgPort);
    await setupClient.query('CREATE TABLE crash_probe (id int PRIMARY KEY)');
    await setupClient.end();

    const writer = writeUntilStopped(await connect(dataDir, pgPort), 1);
    await writer.reached(200);
    first.p.child.kill('SIGKILL');
    expect(await first.p.exited).toBeNull();
    // The restart must stop the orphaned server that the writer is still talking to.
    const second = await startParley(dataDir, pgPort);
    await writer.stop();
    expect(second.p.output()).toContain('did not shut down cleanly');

    const check = await connect(dataDir, pgPort);
    const { rows } = await check.query<{ id: number }>('SELECT id FROM crash_probe');
    await check.end();
    const present = new Set(rows.map((r) => r.id));
    expect(writer.acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);

    // A crash of the database too (both killed): PostgreSQL's WAL recovery restores every commit.
    const writer2 = writeUntilStopped(await connect(dataDir, pgPort), 1_000_000);
    await writer2.reached(200);
    const postgresPid = await postmasterPid(dataDir);
    second.p.child.kill('SIGKILL');
    process.kill(postgresPid, 'SIGKILL');
    await writer2.stop();
    await second.p.exited;
    const third = await startParley(dataDir, pgPort);
    const check2 = await connect(dataDir, pgPort);
    const after = await check2.query<{ id: number }>('SELECT id FROM crash_probe');
    await check2.end();
    const present2 = new Set(after.rows.map((r) => r.id));
    expect(writer2.acknowledged.filter((id) => !present2.has(id))).toEqual([]);
    third.p.child.kill('SIGTERM');
    expect(await third.p.exited).toBe(0);
  });

  it('refuses a second Parley on the same data folder, naming the lock and its holder', async () => {
    const { dataDir, pgPort } = await setup();
    const first = await startParley(dataDir, pgPort);
    const second = spawnParley({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()) });
    started.push(second);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(path.join(dataDir, 'parley.lock'));
    expect(second.output()).toContain(`held by process ${first.p.child.pid}`);
    // The refused process must not have touched the running one.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
  });

  it('exits 0 on SIGTERM and leaves no PostgreSQL process behind', async () => {
    const { dataDir, pgPort } = await setup();
    const { p } = await startParley(dataDir, pgPort);
    const postgresPid = await postmasterPid(dataDir);
    expect(isProcessAlive(postgresPid)).toBe(true);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(isProcessAlive(postgresPid)).toBe(false);
    await expect(fs.access(path.join(dataDir, 'parley.lock'))).rejects.toThrow();
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, startEmbeddedPostgres } from './embedded.ts';
import { acquireDataDirLock, isProcessAlive, LockHeldError, processStartTime, readLiveLock } from './lock.ts';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-embedded-test-'));
  await fs.chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('initialises once, keeps data across restarts and listens on 127.0.0.1 with a password', async () => {
    const dataDir = await tempDir();
    const first = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
    expect(first.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/parley$/);
    await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    const [settings] = await query<{ listen: string; sync: string; fsync: string }>(
      first.url,
      "SELECT current_setting('listen_addresses') AS listen, current_setting('synchronous_commit') AS sync, current_setting('fsync') AS fsync",
    );
    expect(settings).toEqual({ listen: '127.0.0.1', sync: 'on', fsync: 'on' });
    await first.stop();
    expect(isProcessAlive(first.pid)).toBe(false);

    const password = (await fs.stat(path.join(dataDir, 'pg-password'))).mode & 0o777;
    expect(password).toBe(0o600);

    const second = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
    const wrong = new URL(second.url);
    wrong.password = 'not-the-password';
    await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    await second.stop();
  });

  it('stops a server orphaned by a killed Parley before starting, keeping committed data', async () => {
    const dataDir = await tempDir();
    const orphan = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
    await query(orphan.url, 'CREATE TABLE t (v int); INSERT INTO t VALUES (1)');
    // Starting again without stopping: exactly what a restart after SIGKILL finds.
    const restarted = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
    expect(isProcessAlive(orphan.pid)).toBe(false);
    expect(await query(restarted.url, 'SELECT v FROM t')).toEqual([{ v: 1 }]);
    await restarted.stop();
  });

  it("never signals another cluster's postgres whose PID a stale postmaster.pid names", async () => {
    const other = await startEmbeddedPostgres({
      dataDir: await tempDir(),
      port: await findFreePort(),
      logger,
    });
    const dataDir = await tempDir();
    const mine = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
    await mine.stop();
    // After a reboot the PID recorded in our postmaster.pid may belong to someone else's PostgreSQL.
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    await fs.writeFile(pidFile, `${other.pid}\n`);
    const restarted = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), logger });
    expect(isProcessAlive(other.pid)).toBe(true);
    expect(await query(other.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await restarted.stop();
    await other.stop();
  });

  it('says clearly when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(startEmbeddedPostgres({ dataDir: await tempDir(), port, logger })).rejects.toThrow(
        new RegExp(`Port ${port} on 127.0.0.1 \\(EMBEDDED_PG_PORT\\) is already in use`),
      );
    } finally {
      blocker.close();
    }
  });

  it('says clearly when the data folder is unusable', async () => {
    const file = path.join(await tempDir(), 'a-file');
    await fs.writeFile(file, '');
    await expect(
      startEmbeddedPostgres({ dataDir: file, port: await findFreePort(), logger }),
    ).rejects.toThrow(/data folder .*a-file is unusable/);
  });
});

describe('data folder lock', () => {
  it('refuses while a live process holds it, naming the PID', async () => {
    const dataDir = await tempDir();
    const holder = {
      pid: process.ppid,
      procStart: processStartTime(process.ppid),
      pgPort: 5555,
      startedAt: 'then',
    };
    await fs.writeFile(path.join(dataDir, 'parley.lock'), JSON.stringify(holder));
    const attempt = acquireDataDirLock(dataDir);
    await expect(attempt).rejects.toBeInstanceOf(LockHeldError);
    await expect(attempt).rejects.toThrow(`held by process ${process.ppid}`);
    expect(await readLiveLock(dataDir)).toMatchObject({ pid: process.ppid, pgPort: 5555 });
  });

  it('takes over the lock of a dead process and releases its own', async () => {
    const dataDir = await tempDir();
    const dead = spawnSync('true').pid;
    await fs.writeFile(path.join(dataDir, 'parley.lock'), JSON.stringify({ pid: dead, startedAt: 'then' }));
    const { lock, tookOverStale } = await acquireDataDirLock(dataDir);
    expect(tookOverStale).toBe(true);
    await lock.setPgPort(6000);
    expect(JSON.parse(await fs.readFile(lock.path, 'utf8'))).toMatchObject({
      pid: process.pid,
      pgPort: 6000,
    });
    await lock.release();
    await expect(fs.access(lock.path)).rejects.toThrow();
    const again = await acquireDataDirLock(dataDir);
    expect(again.tookOverStale).toBe(false);
    await again.lock.release();
  });
});

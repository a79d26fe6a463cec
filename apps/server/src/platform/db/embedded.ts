import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import {
  assertTraversable,
  binaries,
  clusterDir,
  clusterVersion,
  EMBEDDED_PG_MAJOR,
  EmbeddedPostgresError,
  initCluster,
  passwordFile,
  prepareDataDir,
  SUPERUSER,
  serverLogFile,
  serverUser,
} from './embedded-cluster.ts';
import { isProcessAlive } from './lock.ts';

export { clusterDir, EmbeddedPostgresError, passwordFile, serverLogFile };

const DATABASE = 'parley';
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

export interface EmbeddedPostgresOptions {
  /** Parley's data folder; the cluster lives in `<dataDir>/pg`. The caller holds its lock. */
  dataDir: string;
  port: number;
  logger: Logger;
  /** Extra `-c name=value` server settings (the test cluster turns fsync off; production never does). */
  settings?: Record<string, string>;
}

export interface EmbeddedPostgres {
  /** Connection URL of the `parley` database. */
  url: string;
  /** Connection URL of the `postgres` maintenance database (tests create databases through it). */
  adminUrl: string;
  port: number;
  pid: number;
  /** Fast shutdown (SIGINT: rolls back open transactions, checkpoints) and waits for the exit. */
  stop(): Promise<void>;
}

/** Connection URL for the embedded cluster of `dataDir`, read from its password file. */
export async function embeddedUrl(dataDir: string, port: number, database = DATABASE): Promise<string> {
  const password = (await fs.readFile(passwordFile(dataDir), 'utf8')).trim();
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** A live, non-zombie postgres process (Linux checks /proc; elsewhere any live PID counts). */
function isLivePostgres(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && stat.includes('(postgres)');
  } catch {
    return os.platform() !== 'linux';
  }
}

/**
 * Whether a live postgres PID serves this cluster: a postmaster's working directory is its data
 * folder. After a reboot the PID in postmaster.pid may belong to another PostgreSQL (the system's,
 * or another Parley's) that must never be signalled.
 */
async function servesCluster(pid: number, dir: string): Promise<boolean> {
  try {
    const [cwd, cluster] = await Promise.all([fs.realpath(`/proc/${pid}/cwd`), fs.realpath(dir)]);
    return cwd === cluster;
  } catch {
    return os.platform() !== 'linux';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isLivePostgres(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * A Parley killed with SIGKILL leaves its postgres child running, still holding postmaster.pid.
 * The caller holds the folder lock, so any server on this cluster is such an orphan: shut it down
 * (fast, then immediate) and let PostgreSQL's WAL recovery do the rest on the next start.
 */
async function stopOrphan(dir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!isLivePostgres(pid) || !(await servesCluster(pid, dir))) {
    // A reused PID would make PostgreSQL believe another postmaster still runs.
    if (isProcessAlive(pid)) await fs.rm(pidFile, { force: true });
    return;
  }
  logger.warn(
    { postgresPid: pid },
    'stopping the embedded PostgreSQL left running by a previous Parley that did not shut down',
  );
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, 30_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (await waitForExit(pid, 10_000)) return;
  throw new EmbeddedPostgresError(
    `PostgreSQL process ${pid} left by a previous run does not stop; stop it manually.`,
  );
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedPostgresError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} on 127.0.0.1 (EMBEDDED_PG_PORT) is already in use by another program. ` +
                'Set EMBEDDED_PG_PORT to a free port, or stop that program.'
            : `Cannot use port ${port} on 127.0.0.1 for the embedded PostgreSQL: ${err.message}`,
        ),
      );
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A port the OS reports free right now (for tests and benches). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function openServerLog(dataDir: string): Promise<number> {
  const file = serverLogFile(dataDir);
  const size = await fs.stat(file).then(
    (s) => s.size,
    () => 0,
  );
  if (size > LOG_ROTATE_BYTES) await fs.rename(file, `${file}.1`);
  return openSync(file, 'a', 0o600);
}

async function logTail(dataDir: string): Promise<string> {
  const text = await fs.readFile(serverLogFile(dataDir), 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-8).join('\n');
}

async function waitUntilReady(child: ChildProcess, adminUrl: string, dataDir: string): Promise<void> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL exited during start-up. Last lines of ${serverLogFile(dataDir)}:\n${await logTail(dataDir)}`,
      );
    }
    const client = new pg.Client({ connectionString: adminUrl });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      // Not listening yet, or "the database system is starting up" while WAL recovery runs.
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new EmbeddedPostgresError(`The embedded PostgreSQL was not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Starts (initialising on first use) the embedded PostgreSQL of `dataDir`, listening on 127.0.0.1 only. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, port, logger } = options;
  const dir = clusterDir(dataDir);
  await prepareDataDir(dataDir);
  const user = await serverUser();
  if (user) await assertTraversable(dir, user);
  const bin = await binaries();

  const version = await clusterVersion(dir);
  if (version === null) await initCluster(dataDir, bin.initdb, user, logger);
  else if (version !== EMBEDDED_PG_MAJOR) {
    throw new EmbeddedPostgresError(
      `${dir} holds a PostgreSQL ${version} cluster but this Parley ships PostgreSQL ${EMBEDDED_PG_MAJOR}. ` +
        'Dump it with the old version (docs/operations.md, "Backup and restore") and restore into a new DATA_DIR.',
    );
  }
  await fs.access(passwordFile(dataDir)).catch(() => {
    throw new EmbeddedPostgresError(
      `${passwordFile(dataDir)} is missing: the cluster's password cannot be known.`,
    );
  });

  await stopOrphan(dir, logger);
  await assertPortFree(port);

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    // Durability is the point of a real database: an acknowledged commit survives a crash.
    synchronous_commit: 'on',
    fsync: 'on',
    ...options.settings,
  };
  const args = [
    '-D',
    dir,
    '-p',
    String(port),
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const logFd = await openServerLog(dataDir);
  // Own process group: a Ctrl-C in the terminal reaches Parley only, which then stops the server after draining.
  const child = spawn(bin.postgres, args, {
    ...(user ?? {}),
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new EmbeddedPostgresError(`Could not start ${bin.postgres}`);
  let running = true;
  child.once('exit', () => {
    running = false;
  });
  // Safety net for an exit without stop() (uncaught error): ask for a fast shutdown; it completes on its own.
  const onExit = () => {
    if (running) process.kill(pid, 'SIGINT');
  };
  process.once('exit', onExit);

  const url = await embeddedUrl(dataDir, port);
  const adminUrl = await embeddedUrl(dataDir, port, 'postgres');
  try {
    await waitUntilReady(child, adminUrl, dataDir);
    await ensureDatabase(adminUrl);
  } catch (err) {
    if (running) child.kill('SIGINT');
    throw err;
  }
  logger.info({ port, postgresPid: pid, dir }, 'embedded PostgreSQL ready');

  return {
    url,
    adminUrl,
    port,
    pid,
    async stop() {
      process.removeListener('exit', onExit);
      if (!running) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      logger.info({ postgresPid: pid }, 'embedded PostgreSQL stopped');
    },
  };
}

import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** What a running Parley writes into `<DATA_DIR>/parley.lock`. */
export interface LockInfo {
  pid: number;
  /** Kernel start time of `pid` (Linux); tells a reused PID apart from the process that wrote the lock. */
  procStart: string | null;
  /** Port of the embedded PostgreSQL the holder runs, so the CLI can reach it. */
  pgPort: number | null;
  startedAt: string;
}

/** Thrown when another live process holds the data folder. */
export class LockHeldError extends Error {
  readonly holder: LockInfo;
  constructor(lockPath: string, holder: LockInfo) {
    super(
      `The data folder is in use: ${lockPath} is held by process ${holder.pid} (started ${holder.startedAt}). ` +
        'Stop that Parley first, or give this one another DATA_DIR.',
    );
    this.name = 'LockHeldError';
    this.holder = holder;
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records the embedded PostgreSQL port once known. */
  setPgPort(port: number): Promise<void>;
  release(): Promise<void>;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'parley.lock');
}

/** Start time of a process in clock ticks since boot, or null where /proc is unavailable. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** True when `pid` is a live process (EPERM means it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isHolderAlive(info: LockInfo): boolean {
  // A container restart gives the new Parley the dead one's PID (often 1): that lock is ours to take.
  if (info.pid === process.pid) return false;
  if (!isProcessAlive(info.pid)) return false;
  const start = processStartTime(info.pid);
  return info.procStart === null || start === null || start === info.procStart;
}

async function readLock(file: string): Promise<LockInfo | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      procStart: parsed.procStart ?? null,
      pgPort: parsed.pgPort ?? null,
      startedAt: parsed.startedAt ?? 'unknown',
    };
  } catch {
    // A lock torn by a crash mid-write belongs to nobody.
    return null;
  }
}

/** The lock's holder when it is a live process other than this one; null when the folder is free. */
export async function readLiveLock(dataDir: string): Promise<LockInfo | null> {
  const info = await readLock(lockPath(dataDir));
  return info && isHolderAlive(info) ? info : null;
}

/**
 * Takes the exclusive lock on a data folder. A lock left by a dead process is taken over
 * (`tookOverStale` tells the caller a previous run crashed); a live holder raises LockHeldError.
 */
export async function acquireDataDirLock(
  dataDir: string,
): Promise<{ lock: DataDirLock; tookOverStale: boolean }> {
  const file = lockPath(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    procStart: processStartTime(process.pid),
    pgPort: null,
    startedAt: new Date().toISOString(),
  };
  let tookOverStale = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      return { lock: makeLock(file, info), tookOverStale };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readLock(file);
    if (holder && isHolderAlive(holder)) throw new LockHeldError(file, holder);
    // Rename rather than unlink: of two processes taking over the same stale lock, only one rename succeeds.
    const aside = `${file}.stale-${process.pid}`;
    try {
      await fs.rename(file, aside);
      await fs.rm(aside, { force: true });
      tookOverStale = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const holder = await readLock(file);
  if (holder) throw new LockHeldError(file, holder);
  throw new Error(`Could not take the data folder lock ${file}`);
}

function makeLock(file: string, info: LockInfo): DataDirLock {
  let released = false;
  return {
    path: file,
    async setPgPort(port) {
      info.pgPort = port;
      // Write-then-rename so a reader never sees a half-written lock.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(info), { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    async release() {
      if (released) return;
      released = true;
      const current = await readLock(file);
      if (current?.pid === info.pid && current.procStart === info.procStart)
        await fs.rm(file, { force: true });
    },
  };
}

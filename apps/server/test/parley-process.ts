import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.ts');

export interface ParleyProcess {
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** A temporary data folder that the postgres OS user (used when running as root) can enter. */
export async function makeDataDir(prefix = 'parley-proc-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  return dir;
}

/** Spawns `main.ts` with the running Node binary and a clean environment (embedded database, PORT 0). */
export function spawnParley(env: Record<string, string>): ParleyProcess {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !['DATABASE_URL', 'TEST_DATABASE_URL', 'PARLEY_TEST_ADMIN_URL', 'REDIS_URL', 'SEED_DEMO'].includes(k),
    ),
  );
  const child = spawn(process.execPath, [MAIN], {
    env: { ...base, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Waits for the "ready on <url>" log line; returns the URL. Fails with the output if the process exits first. */
export async function waitForReady(p: ParleyProcess, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void p.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    const match = /"msg":"ready on (http:\/\/[^"]+)"/.exec(p.output());
    if (match?.[1]) return match[1];
    if (exited) throw new Error(`Parley exited before ready:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Parley not ready in time:\n${p.output()}`);
}

/** PID of the embedded postmaster, from the first line of postmaster.pid. */
export async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

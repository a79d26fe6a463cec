import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { findFreePort, startEmbeddedPostgres } from '../src/platform/db/embedded.ts';

/**
 * One PostgreSQL server for the whole test run: TEST_DATABASE_URL when set, otherwise an embedded
 * server in a fresh temporary folder, removed afterwards. Each test file creates its own database.
 * Workers are forked after this runs, so they inherit PARLEY_TEST_ADMIN_URL (read by test/db.ts).
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    process.env.PARLEY_TEST_ADMIN_URL = external;
    return undefined;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-test-pg-'));
  // When tests run as root the server runs as the postgres OS user, which must be able to enter the folder.
  await fs.chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    logger: pino({ level: 'warn' }),
    // Throwaway data: trade durability for speed. Never done for a real data folder.
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '400',
    },
  });
  process.env.PARLEY_TEST_ADMIN_URL = server.adminUrl;
  return async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}

import fs from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { EmbeddedPostgresError, embeddedUrl, startEmbeddedPostgres } from './embedded.ts';
import { acquireDataDirLock, LockHeldError } from './lock.ts';

/** Where the database is, and how to let go of it. */
export interface DatabaseServer {
  url: string;
  /** Stops the embedded PostgreSQL this process started (if any) and releases the data folder lock. */
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL of DATA_DIR, under the data folder lock.
 * With `shareRunning` (the CLI), a live Parley holding the lock is not an error: its embedded
 * server is used through the port it recorded in the lock.
 */
export async function openDatabaseServer(
  config: Config,
  logger: Logger,
  options: { shareRunning: boolean },
): Promise<DatabaseServer> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, close: async () => {} };

  try {
    await fs.mkdir(config.dataDir, { recursive: true });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `The data folder ${config.dataDir} is unusable: ${(err as Error).message}`,
    );
  }
  let acquired: Awaited<ReturnType<typeof acquireDataDirLock>>;
  try {
    acquired = await acquireDataDirLock(config.dataDir);
  } catch (err) {
    if (!(err instanceof LockHeldError) || !options.shareRunning || err.holder.pgPort === null) throw err;
    logger.info(
      { pid: err.holder.pid, port: err.holder.pgPort },
      'using the embedded PostgreSQL of the running Parley',
    );
    return { url: await embeddedUrl(config.dataDir, err.holder.pgPort), close: async () => {} };
  }
  const { lock, tookOverStale } = acquired;
  if (tookOverStale)
    logger.warn({ lock: lock.path }, 'the previous Parley on this data folder did not shut down cleanly');
  try {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.EMBEDDED_PG_PORT,
      logger,
    });
    await lock.setPgPort(embedded.port);
    return {
      url: embedded.url,
      async close() {
        try {
          await embedded.stop();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

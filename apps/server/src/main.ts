import { performance } from 'node:perf_hooks';
import { buildApp } from './app.ts';
import { seedDemo } from './modules/demo/seed.ts';
import { hasAnyUser } from './modules/users/users.repo.ts';
import { type Config, loadConfig } from './platform/config.ts';
import { createDb, type Db } from './platform/db/client.ts';
import { type DatabaseServer, openDatabaseServer } from './platform/db/database-server.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { createLogger, type Logger } from './platform/logger.ts';

console.log(`Parley starting on Node ${process.version}`);

async function seedDemoIfEmpty(config: Config, db: Db, logger: Logger): Promise<void> {
  if (!config.SEED_DEMO) return;
  if (await hasAnyUser(db.orm)) return;
  logger.info('SEED_DEMO is set and there are no users yet: loading the demo data');
  await seedDemo({ config, db, logger });
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = work.then(() => true as const);
  try {
    return await Promise.race([done, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config);
  let server: DatabaseServer | undefined;
  let db: Db | undefined;
  try {
    server = await openDatabaseServer(config, logger, { shareRunning: false });
    db = createDb(server.url, config.DB_POOL_SIZE);
    await runMigrations(db);
    await seedDemoIfEmpty(config, db, logger);
    const { app } = await buildApp({ config, db, logger });
    const address = await app.listen({ host: config.HOST, port: config.PORT });
    logger.info({ url: address, startupMs: Math.round(performance.now()) }, `ready on ${address}`);

    const openDb = db;
    const openServer = server;
    let stopping = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second Ctrl-C means "now": the exit hook still asks PostgreSQL for a fast shutdown.
        logger.warn({ signal }, 'second signal: exiting without draining');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const drained = await withTimeout(app.close(), config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
      if (!drained)
        logger.warn({ seconds: config.SHUTDOWN_TIMEOUT_SECONDS }, 'drain timed out; closing anyway');
      await openDb.close().catch((err) => logger.warn({ err }, 'closing the database pool failed'));
      await openServer.close();
      logger.info('stopped');
      process.exit(0);
    };
    process.on('SIGTERM', (s) => void shutdown(s));
    process.on('SIGINT', (s) => void shutdown(s));
  } catch (err) {
    logger.fatal({ err }, 'Parley could not start');
    console.error(`Parley cannot start: ${(err as Error).message}`);
    await db?.close().catch(() => {});
    await server
      ?.close()
      .catch((closeErr) => logger.error({ err: closeErr }, 'stopping the database failed'));
    process.exit(1);
  }
}

await main();

import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { JobHandler, JobOptions, Jobs } from './types.ts';

/** pg-boss keeps its tables in their own schema of the Parley database. */
const SCHEMA = 'pgboss';
const DEFAULT_RETRY_LIMIT = 3;

export interface JobsOptions {
  /** Test hooks: faster polling and retries. */
  pollingIntervalSeconds?: number;
  retryDelaySeconds?: number;
}

/** Background jobs on pg-boss 12, shared by every Parley process on the database. */
export function createJobs(config: Config, db: Db, logger: Logger, options: JobsOptions = {}): Jobs {
  const handlers = new Map<string, JobHandler<object>>();
  const schedules = new Map<string, string>();
  const boss = new PgBoss({
    connectionString: db.url,
    schema: SCHEMA,
    max: 4,
    application_name: 'parley-jobs',
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  let started = false;

  return {
    register(name, handler) {
      if (started) throw new Error(`Job ${name} registered after start()`);
      if (handlers.has(name)) throw new Error(`Job ${name} registered twice`);
      handlers.set(name, handler as JobHandler<object>);
    },

    schedule(name, cron) {
      if (started) throw new Error(`Job ${name} scheduled after start()`);
      if (!handlers.has(name)) throw new Error(`Job ${name} is not registered`);
      schedules.set(name, cron);
    },

    async send(name, data, jobOptions: JobOptions = {}) {
      if (!handlers.has(name)) throw new Error(`Job ${name} is not registered`);
      await boss.send(name, data, {
        // Queues use the "short" policy: one queued job per key. A job without a key of its own gets
        // a unique one, so only jobs that ask for deduplication are deduplicated.
        singletonKey: jobOptions.singletonKey ?? crypto.randomUUID(),
        ...(jobOptions.startAfterSeconds !== undefined && { startAfter: jobOptions.startAfterSeconds }),
        ...(jobOptions.retryLimit !== undefined && { retryLimit: jobOptions.retryLimit }),
      });
    },

    async start() {
      await boss.start();
      for (const name of handlers.keys()) {
        if (!(await boss.getQueue(name))) {
          await boss.createQueue(name, {
            policy: 'short',
            retryLimit: DEFAULT_RETRY_LIMIT,
            retryDelay: options.retryDelaySeconds ?? 5,
            retryBackoff: options.retryDelaySeconds === undefined,
          });
        }
      }
      for (const [name, cron] of schedules) await boss.schedule(name, cron, {}, { tz: 'UTC' });
      started = true;
      if (!config.JOBS_ENABLED) return;
      for (const [name, handler] of handlers) {
        await boss.work(
          name,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async ([job]) => {
            if (!job) return;
            try {
              await handler(job.data as object);
            } catch (err) {
              logger.warn({ err, job: name, jobId: job.id }, 'job failed; pg-boss retries it');
              throw err;
            }
          },
        );
      }
    },

    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, close: true, timeout: config.SHUTDOWN_TIMEOUT_SECONDS * 1000 });
    },
  };
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import {
  OFFLINE_CHECK_JOB,
  type OfflineCheckJob,
  type OfflineGraceDeps,
  recordConnectionChange,
  runScheduledOfflineCheck,
  sweepOfflineUsers,
} from './offline-grace.service.ts';

/**
 * How often the sweep runs: half the grace period (so a missed check costs at most that much
 * extra), bounded so short test graces do not hammer the database and long ones are not late.
 */
function offlineSweepIntervalMs(graceSeconds: number): number {
  return Math.min(60, Math.max(5, Math.ceil(graceSeconds / 2))) * 1000;
}

/** The offline grace period (D1): connection times, the per-user check job and the sweep. */
export function registerOfflineGrace(app: FastifyInstance, ctx: AppContext): void {
  const { realtime, jobs, logger, config } = ctx;
  const deps: OfflineGraceDeps = { ...ctx, isUserConnected: (id) => realtime.isUserConnected(id) };

  jobs.register<OfflineCheckJob>(OFFLINE_CHECK_JOB, ({ userId }) => runScheduledOfflineCheck(deps, userId));

  realtime.onConnectionChange((userId, openHere) => {
    recordConnectionChange(deps, userId, openHere).catch((err) => {
      logger.error({ err, userId, openHere }, 'could not record a connection change for the grace period');
    });
  });

  // Sweeping is background work like the job workers: processes without workers leave it to others.
  if (!config.JOBS_ENABLED) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = sweepOfflineUsers(deps)
        .catch((err) => logger.error({ err }, 'offline sweep failed'))
        .finally(() => {
          running = undefined;
        });
    }, offlineSweepIntervalMs(config.OFFLINE_GRACE_SECONDS));
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}

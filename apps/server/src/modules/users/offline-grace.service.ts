import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Events } from '../../platform/events/types.ts';
import type { Jobs } from '../../platform/jobs/types.ts';
import { setAvailability } from './availability.service.ts';
import {
  listUserIdsNotOffline,
  markConnectivity,
  markSeenConnected,
  secondsLeftInGrace,
  tryLockOfflineSweep,
} from './user-connectivity.repo.ts';
import { findUserByIdForUpdate } from './users.repo.ts';

/** Job that turns a user OFFLINE once they have had no open connection for the grace period (D1). */
export const OFFLINE_CHECK_JOB = 'users.offline-check';
export interface OfflineCheckJob {
  userId: string;
}

/** What one check found: made OFFLINE, connected, nothing to do, or the grace still running. */
export type OfflineCheckOutcome =
  | { status: 'offline' }
  | { status: 'connected' }
  | { status: 'unchanged' }
  | { status: 'waiting'; secondsLeft: number };

/** What the grace-period checks need; `isUserConnected` asks realtime presence on every process. */
export interface OfflineGraceDeps {
  db: Db;
  events: Events;
  jobs: Jobs;
  config: Config;
  isUserConnected: (userId: string) => Promise<boolean>;
}

/**
 * The grace-period check: a user who is not OFFLINE, has no open connection on any live process,
 * and was last known around (socket open/close, sign-in, availability change) a full grace period
 * ago becomes OFFLINE. When a later disconnect moved that moment, it reports the time left.
 */
export async function runOfflineCheck(
  deps: Pick<OfflineGraceDeps, 'events' | 'config' | 'isUserConnected'>,
  userId: string,
): Promise<OfflineCheckOutcome> {
  if (await deps.isUserConnected(userId)) return { status: 'connected' };
  return deps.events.transact(async (scope) => {
    const user = await findUserByIdForUpdate(scope.tx, userId);
    if (!user || user.availability === 'OFFLINE') return { status: 'unchanged' };
    const secondsLeft = await secondsLeftInGrace(scope.tx, userId, deps.config.OFFLINE_GRACE_SECONDS);
    if (secondsLeft === undefined) return { status: 'unchanged' };
    if (secondsLeft > 0) return { status: 'waiting', secondsLeft };
    await setAvailability(scope, userId, 'OFFLINE', 'disconnected');
    return { status: 'offline' };
  });
}

/** Queues the check for `afterSeconds` ahead (default: the whole grace period). */
export function scheduleOfflineCheck(
  deps: Pick<OfflineGraceDeps, 'jobs' | 'config'>,
  userId: string,
  afterSeconds = deps.config.OFFLINE_GRACE_SECONDS,
): Promise<void> {
  // One queued check per user is enough: each check reschedules itself while the grace runs.
  return deps.jobs.send<OfflineCheckJob>(
    OFFLINE_CHECK_JOB,
    { userId },
    { startAfterSeconds: Math.max(1, Math.ceil(afterSeconds)), singletonKey: userId },
  );
}

/** The job: runs the check and, when a later disconnect moved the deadline, runs again then. */
export async function runScheduledOfflineCheck(deps: OfflineGraceDeps, userId: string): Promise<void> {
  const outcome = await runOfflineCheck(deps, userId);
  if (outcome.status === 'waiting') await scheduleOfflineCheck(deps, userId, outcome.secondsLeft);
}

/**
 * Records a socket opening or a user's last socket here closing; a close queues the check. The
 * times matter more than the job: the sweep falls back on them when the job is lost.
 */
export async function recordConnectionChange(
  deps: Pick<OfflineGraceDeps, 'db' | 'jobs' | 'config'>,
  userId: string,
  openHere: number,
): Promise<void> {
  if (openHere > 0) {
    await markConnectivity(deps.db.orm, userId, 'lastConnectedAt');
    return;
  }
  await markConnectivity(deps.db.orm, userId, 'lastDisconnectedAt');
  await scheduleOfflineCheck(deps, userId);
}

/**
 * Checks every user who is not OFFLINE: catches those whose socket closed without a disconnect
 * (a killed process) or whose check job was lost (queued while jobs stopped). Connected users'
 * grace restarts from now, so a user on a process that dies still gets the full grace period.
 * One process sweeps at a time; the others skip. Returns how many users became OFFLINE.
 */
export async function sweepOfflineUsers(deps: OfflineGraceDeps): Promise<number> {
  return deps.db.orm.transaction(async (lockTx) => {
    if (!(await tryLockOfflineSweep(lockTx))) return 0;
    const seen: string[] = [];
    let madeOffline = 0;
    for (const userId of await listUserIdsNotOffline(deps.db.orm)) {
      const outcome = await runOfflineCheck(deps, userId);
      if (outcome.status === 'connected') seen.push(userId);
      if (outcome.status === 'offline') madeOffline++;
    }
    await markSeenConnected(deps.db.orm, seen);
    return madeOffline;
  });
}

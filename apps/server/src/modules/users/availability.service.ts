import type { Availability } from '@parley/contracts';
import type { Config } from '../../platform/config.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import type { Jobs } from '../../platform/jobs/types.ts';
import { findUserByIdForUpdate, type UserRow, writeAvailability } from './users.repo.ts';

/** Job that turns a user OFFLINE once they have had no open connection for the grace period (D1). */
export const OFFLINE_CHECK_JOB = 'users.offline-check';
export interface OfflineCheckJob {
  userId: string;
}

/** What changed the availability; stored in availability_log for the supervisors' timeline. */
export type AvailabilityReason = 'login' | 'logout' | 'menu' | 'disconnected' | 'disabled';

/** Payload of the `user.availability_changed` event (and of the realtime event of the same name). */
export interface AvailabilityChanged {
  userId: string;
  availability: Availability;
  changedAt: string;
}

/**
 * Sets a user's availability inside the caller's transaction, logs it and emits
 * `user.availability_changed`. Setting the current value again changes and emits nothing.
 */
export async function setAvailability(
  { tx, emit }: TxScope,
  userId: string,
  availability: Availability,
  reason: AvailabilityReason,
): Promise<UserRow> {
  const user = await findUserByIdForUpdate(tx, userId);
  if (!user) throw notFound('User');
  if (user.availability === availability) return user;
  const changedAt = new Date();
  const updated = await writeAvailability(tx, userId, availability, changedAt, reason);
  if (!updated) throw notFound('User');
  const payload: AvailabilityChanged = { userId, availability, changedAt: changedAt.toISOString() };
  emit('user.availability_changed', payload);
  return updated;
}

/** The agent picks a status from the profile menu. */
export function changeOwnAvailability(
  events: Events,
  userId: string,
  availability: Availability,
): Promise<UserRow> {
  return events.transact((scope) => setAvailability(scope, userId, availability, 'menu'));
}

/**
 * Runs the grace-period check: a user with no open connection on any process who is not already
 * OFFLINE becomes OFFLINE. Returns whether the availability changed.
 */
export async function runOfflineCheck(
  deps: { events: Events; isUserConnected: (userId: string) => Promise<boolean> },
  userId: string,
): Promise<boolean> {
  if (await deps.isUserConnected(userId)) return false;
  return deps.events.transact(async (scope) => {
    const user = await findUserByIdForUpdate(scope.tx, userId);
    if (!user || user.availability === 'OFFLINE') return false;
    await setAvailability(scope, userId, 'OFFLINE', 'disconnected');
    return true;
  });
}

/**
 * Queues the check for after the grace period. One pending check per user: the grace is counted
 * from the first disconnect (or sign-in) of a series, not from the last.
 */
export function scheduleOfflineCheck(deps: { jobs: Jobs; config: Config }, userId: string): Promise<void> {
  return deps.jobs.send<OfflineCheckJob>(
    OFFLINE_CHECK_JOB,
    { userId },
    { startAfterSeconds: deps.config.OFFLINE_GRACE_SECONDS, singletonKey: userId },
  );
}

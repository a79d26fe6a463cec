import type { Availability } from '@parley/contracts';
import { notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { findUserByIdForUpdate, type UserRow, writeAvailability } from './users.repo.ts';

/** What changed the availability (`api`: an integrator, /ccaas/1); stored in availability_log for the timeline. */
export type AvailabilityReason = 'login' | 'logout' | 'menu' | 'disconnected' | 'disabled' | 'api';

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

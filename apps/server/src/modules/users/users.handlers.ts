import type { User } from '@parley/contracts';
import type { AppContext } from '../../platform/context.ts';
import {
  type AvailabilityChanged,
  OFFLINE_CHECK_JOB,
  type OfflineCheckJob,
  runOfflineCheck,
  scheduleOfflineCheck,
} from './availability.service.ts';

/** After-commit reactions of the users module: realtime pushes and the offline grace period. */
export function registerUsersHandlers(ctx: AppContext): void {
  const { events, realtime, jobs, logger } = ctx;

  // Everyone sees colleagues' availability live (Team board, assignee pickers, supervisors).
  events.on('user.availability_changed', async (event) => {
    const payload = event.payload as AvailabilityChanged;
    await realtime.publish(
      { roles: ['agent', 'supervisor', 'admin'] },
      { type: 'user.availability_changed', payload },
    );
  });

  // Admins keep their user list current; the user themself learns new roles or a new name.
  events.on('user.updated', async (event) => {
    const payload = event.payload as User;
    await realtime.publish({ roles: ['admin'], userIds: [payload.id] }, { type: 'user.updated', payload });
  });

  jobs.register<OfflineCheckJob>(OFFLINE_CHECK_JOB, async ({ userId }) => {
    await runOfflineCheck({ events, isUserConnected: (id) => realtime.isUserConnected(id) }, userId);
  });

  realtime.onConnectionChange((userId, openHere) => {
    if (openHere > 0) return;
    scheduleOfflineCheck(ctx, userId).catch((err) => {
      logger.error({ err, userId }, 'could not schedule the offline check after a disconnect');
    });
  });
}

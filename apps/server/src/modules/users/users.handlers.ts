import type { User } from '@parley/contracts';
import type { AppContext } from '../../platform/context.ts';
import { ACCESS_CHANGED, type AccessChanged } from './access-changed.ts';
import type { AvailabilityChanged } from './availability.service.ts';

/** After-commit reactions of the users module: realtime pushes and disconnects (grace period: offline-grace.handlers.ts). */
export function registerUsersHandlers(ctx: AppContext): void {
  const { events, realtime } = ctx;

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

  // A revoked session, a disabled user or changed roles must not keep a live socket (docs/realtime.md).
  events.on(ACCESS_CHANGED, async (event) => {
    const { userId, sessionId, reason } = event.payload as AccessChanged;
    await realtime.disconnect(sessionId ? { sessionIds: [sessionId] } : { userIds: [userId] }, reason);
  });
}

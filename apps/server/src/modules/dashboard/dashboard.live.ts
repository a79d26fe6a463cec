import type { AppContext } from '../../platform/context.ts';

/** The events after which the dashboard may show something new. */
export const DASHBOARD_EVENTS = [
  'conversation.created',
  'conversation.status_changed',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.queue_changed',
  'conversation.bot_assigned',
  'conversation.bot_released',
  'message.received',
  'user.availability_changed',
  'queue.created',
  'queue.deleted',
  'queue.members_changed',
  'queue.settings_changed',
  'agent.capacity_changed',
] as const;

/** At most one `dashboard.changed` per this interval per process; the screen refetches on it. */
export const DASHBOARD_THROTTLE_MS = 1000;

/**
 * Tells supervisors' screens the dashboard changed, throttled: the first change publishes at once,
 * changes within the next second are folded into one publish at its end. Each process throttles
 * its own events, so with N processes a screen hears at most N a second.
 */
export function registerDashboardLive(ctx: AppContext, throttleMs = DASHBOARD_THROTTLE_MS): void {
  let lastAt = 0;
  let timer: NodeJS.Timeout | null = null;
  const publish = () => {
    timer = null;
    lastAt = Date.now();
    void ctx.realtime.publish(
      { roles: ['supervisor'] },
      { type: 'dashboard.changed', payload: { at: new Date(lastAt).toISOString() } },
    );
  };
  ctx.events.onBatch(DASHBOARD_EVENTS, () => {
    if (timer) return;
    const wait = lastAt + throttleMs - Date.now();
    if (wait <= 0) publish();
    else timer = setTimeout(publish, wait).unref();
  });
}

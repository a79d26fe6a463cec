import type { Dashboard, StatusSpan } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { type LogRow, readAgents, readAvailabilityLog, readQueues, readTotals } from './dashboard.queries.ts';

/** Midnight UTC of `now`: the dashboard's "today" (docs/routing.md). */
export function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * One agent's statuses since `from`: the status held at `from` (their last change before it),
 * then each change; the last span is still going. `current` covers an agent with no log at all.
 */
export function statusTimeline(log: readonly LogRow[], from: Date, current: LogRow): StatusSpan[] {
  const changes = log.length > 0 ? log : [current];
  const spans: StatusSpan[] = [];
  for (const change of changes) {
    const start = (change.changedAt < from ? from : change.changedAt).toISOString();
    const last = spans.at(-1);
    if (last?.availability === change.availability) continue;
    if (last) last.to = start;
    spans.push({ availability: change.availability, from: start, to: null });
  }
  return spans.filter((span) => span.to === null || span.from < span.to);
}

/** The supervisors' live dashboard (D1, D4): agents, queues and conversation counts now. */
export async function buildDashboard(orm: Orm, now = new Date()): Promise<Dashboard> {
  const from = startOfDay(now);
  const [agents, log, queues, totals] = await Promise.all([
    readAgents(orm),
    readAvailabilityLog(orm, from),
    readQueues(orm),
    readTotals(orm, from),
  ]);
  const logOf = new Map<string, LogRow[]>();
  for (const row of log) logOf.set(row.userId, [...(logOf.get(row.userId) ?? []), row]);
  return {
    generatedAt: now.toISOString(),
    agents: agents.map((a) => ({
      userId: a.id,
      displayName: a.displayName,
      availability: a.availability,
      availabilityChangedAt: a.availabilityChangedAt.toISOString(),
      load: a.load,
      capacity: a.capacity,
      queueIds: a.queueIds ?? [],
      timeline: statusTimeline(logOf.get(a.id) ?? [], from, {
        userId: a.id,
        availability: a.availability,
        changedAt: a.availabilityChangedAt,
      }),
    })),
    queues: queues.map((q) => ({
      queueId: q.id,
      name: q.name,
      isDefault: q.isDefault,
      autoAssign: q.autoAssign,
      waiting: q.waiting,
      longestWaitingSince: q.longestWaitingSince?.toISOString() ?? null,
      activeMembers: q.activeMembers,
    })),
    unassigned: totals.unassigned,
    withBots: totals.withBots,
    byStatus: {
      OPEN: totals.open,
      WAITING: totals.waiting,
      SOLVED: totals.solved,
      CLOSED: totals.closedToday,
    },
  };
}

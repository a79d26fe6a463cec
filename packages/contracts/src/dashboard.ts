import { z } from 'zod';
import { ConversationStatus } from './conversations-enums.ts';
import { Availability } from './enums.ts';

/** One stretch of an agent's availability today (`to` null = still going). */
export const StatusSpan = z.object({
  availability: Availability,
  from: z.string(),
  to: z.string().nullable(),
});
export type StatusSpan = z.infer<typeof StatusSpan>;

export const DashboardAgent = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  availability: Availability,
  /** Since when the agent has been in that status. */
  availabilityChangedAt: z.string(),
  /** Assigned conversations that count against capacity (OPEN and WAITING). */
  load: z.number().int(),
  capacity: z.number().int(),
  queueIds: z.array(z.uuid()),
  /** Today's statuses since midnight in the server's reporting time zone (UTC), oldest first. */
  timeline: z.array(StatusSpan),
});
export type DashboardAgent = z.infer<typeof DashboardAgent>;

export const DashboardQueue = z.object({
  queueId: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  autoAssign: z.boolean(),
  /** Unassigned OPEN or WAITING conversations of the queue. */
  waiting: z.number().int(),
  /** Since when the longest-waiting one has waited (its creation or return to the queue); null = none. */
  longestWaitingSince: z.string().nullable(),
  /** Members Active now. */
  activeMembers: z.number().int(),
});
export type DashboardQueue = z.infer<typeof DashboardQueue>;

/** The supervisor's live dashboard (GET /api/dashboard); `dashboard.changed` says when to refetch. */
export const Dashboard = z.object({
  generatedAt: z.string(),
  agents: z.array(DashboardAgent),
  queues: z.array(DashboardQueue),
  /** Non-CLOSED conversations without an agent or bot. */
  unassigned: z.number().int(),
  /** Held by bots. */
  withBots: z.number().int(),
  /** Non-CLOSED conversations per status, and CLOSED today. */
  byStatus: z.record(ConversationStatus, z.number().int()),
});
export type Dashboard = z.infer<typeof Dashboard>;

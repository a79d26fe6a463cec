import { z } from 'zod';
import { LIMITS } from './limits.ts';

const QueueName = z.string().trim().min(1).max(LIMITS.queueName);

/** A D4 queue with its agent members. */
export const Queue = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The Default queue holds every conversation no routing rule sent elsewhere; it cannot be deleted. */
  isDefault: z.boolean(),
  /** Ids of the agents who belong to the queue. */
  memberIds: z.array(z.uuid()),
  /**
   * D4: every agent sees this queue's conversations. True only for the Default queue while a
   * supervisor leaves it open; other queues (and a closed Default queue) are seen by their members.
   */
  openToAllAgents: z.boolean(),
  createdAt: z.string(),
});
export type Queue = z.infer<typeof Queue>;

export const QueueList = z.object({ items: z.array(Queue) });
export type QueueList = z.infer<typeof QueueList>;

export const CreateQueueRequest = z.object({ name: QueueName });
export type CreateQueueRequest = z.infer<typeof CreateQueueRequest>;

export const UpdateQueueRequest = z.object({ name: QueueName });
export type UpdateQueueRequest = z.infer<typeof UpdateQueueRequest>;

/** Replaces the member list; every id must be an enabled agent. */
export const SetQueueMembersRequest = z.object({ userIds: z.array(z.uuid()).max(1000) });
export type SetQueueMembersRequest = z.infer<typeof SetQueueMembersRequest>;

/** How automatic assignment picks among Active members under capacity (D4). */
export const ASSIGNMENT_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_LOAD'] as const;
export const AssignmentAlgorithm = z.enum(ASSIGNMENT_ALGORITHMS);
export type AssignmentAlgorithm = z.infer<typeof AssignmentAlgorithm>;

/** What an agent's open conversations of the queue do when they go Away or Offline. */
export const UNAVAILABLE_HANDLINGS = ['KEEP', 'RETURN_TO_QUEUE'] as const;
export const UnavailableHandling = z.enum(UNAVAILABLE_HANDLINGS);
export type UnavailableHandling = z.infer<typeof UnavailableHandling>;

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00–24:00');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** One open interval of a weekday, in the queue's time zone; `to` is exclusive, after `from`. */
export const WorkingInterval = z
  .object({ day: Weekday, from: ClockTime, to: ClockTime })
  .refine((i) => i.from < i.to, { message: 'from must be before to', path: ['to'] });
export type WorkingInterval = z.infer<typeof WorkingInterval>;

/** Working hours of a queue: weekly intervals and holidays (whole days closed), in an IANA time zone. */
export const WorkingHours = z.object({
  timeZone: z.string().refine(isTimeZone, 'An IANA time zone such as Europe/Zagreb'),
  weekly: z.array(WorkingInterval).max(50),
  holidays: z
    .array(z.object({ date: z.iso.date(), name: z.string().trim().max(100).default('') }))
    .max(366)
    .default([]),
});
export type WorkingHours = z.infer<typeof WorkingHours>;

/** The automatic assignment and working-hours settings of a queue (D4). */
export const QueueSettings = z.object({
  /** Offer new and waiting conversations to Active members automatically. */
  autoAssign: z.boolean(),
  algorithm: AssignmentAlgorithm,
  /** Prefer the customer's last agent within this many days; null = off. */
  stickyAgentDays: z.number().int().min(1).max(365).nullable(),
  onAgentUnavailable: UnavailableHandling,
  /** Null = always open. */
  workingHours: WorkingHours.nullable(),
  /** Sent once to a customer whose new conversation lands here outside working hours; null = none. */
  awayReply: z.string().trim().min(1).max(LIMITS.messageText).nullable(),
  /**
   * Default queue only (D4): every agent sees its conversations (true, the default), or only its
   * members (false). Always false for other queues; setting it true there is refused.
   */
  openToAllAgents: z.boolean(),
});
export type QueueSettings = z.infer<typeof QueueSettings>;

export const QueueSettingsResponse = QueueSettings.extend({
  queueId: z.uuid(),
  /** Whether the queue is within its working hours now. */
  openNow: z.boolean(),
});
export type QueueSettingsResponse = z.infer<typeof QueueSettingsResponse>;

/** Replaces the settings; absent fields keep their value. */
export const UpdateQueueSettingsRequest = QueueSettings.partial();
export type UpdateQueueSettingsRequest = z.infer<typeof UpdateQueueSettingsRequest>;

/** An agent's capacity for automatic assignment (D1): the override, else the default. */
export const AgentCapacity = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  capacity: z.number().int(),
  /** Null = the default (LIMITS.agentCapacity). */
  override: z.number().int().nullable(),
});
export type AgentCapacity = z.infer<typeof AgentCapacity>;

export const AgentCapacityList = z.object({ items: z.array(AgentCapacity) });
export type AgentCapacityList = z.infer<typeof AgentCapacityList>;

export const SetAgentCapacityRequest = z.object({ capacity: z.number().int().min(0).max(100).nullable() });
export type SetAgentCapacityRequest = z.infer<typeof SetAgentCapacityRequest>;

import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { CcaasPageQuery, CcaasPagination, repeatedQuery } from './common.ts';

// `/ccaas/1/queues`: Parley's D4 queues. Automatic assignment (on/off, algorithm, sticky agent) maps
// onto the queue's settings; working-hours ids, assignment outside working hours, restricted queues,
// performance-based assignment and external ids are not part of Parley, so requests may only ask
// for them switched off (or null): anything else is refused rather than silently ignored.

const QueueName = z.string().trim().min(1).max(LIMITS.queueName);
const UNSUPPORTED = { error: 'is not available in Parley: send false, null or leave it out' };
/** A switch Parley does not have: accepted only when it asks for nothing. */
const off = z.literal(false, UNSUPPORTED).nullable().optional();
/** A value Parley does not have: accepted only when absent or null. */
const absent = z.null(UNSUPPORTED).optional();

/** A queue as the public API shows it. */
export const CcaasQueue = z.object({
  id: z.string(),
  name: z.string(),
  /** Enabled agents who are members of the queue. */
  enabledAgentsCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** D4 automatic assignment on the queue. */
  isAutoAssignmentEnabled: z.boolean(),
  /** How automatic assignment picks: ROUND_ROBIN, or LOAD_BALANCING (Parley's least load). */
  autoAssignmentAlgorithm: z.enum(['ROUND_ROBIN', 'LOAD_BALANCING']),
  /** Always false: Parley assigns only while the queue is within its working hours. */
  isAutoAssignmentOutsideOfWorkingHoursEnabled: z.boolean(),
  /** The customer's last agent is preferred (sticky agent). */
  isStickyAutoAssignmentEnabled: z.boolean(),
  /** Within this many days, when sticky assignment is on. */
  stickyAgentTimeoutDays: z.number().int().optional(),
  /** Always false: every queue is visible to its members and supervisors (D4). */
  isRestricted: z.boolean(),
  /** Always false. */
  isPrivate: z.boolean(),
});
export type CcaasQueue = z.infer<typeof CcaasQueue>;

/** A page of queues. */
export const CcaasQueuePage = z.object({ queues: z.array(CcaasQueue), pagination: CcaasPagination });
export type CcaasQueuePage = z.infer<typeof CcaasQueuePage>;

/** Filters of get-queues (all optional, combined with AND). */
export const CcaasQueueListQuery = CcaasPageQuery.extend({
  /** Only these queue ids. */
  queueIds: repeatedQuery(z.string()),
  /** Only queues this agent is a member of. */
  agentId: z.string().optional(),
  /** Parley has no working hours: a value matches no queue. */
  workingHoursId: z.string().optional(),
  /** Case-insensitive substring of the queue name. */
  name: z.string().max(255).optional(),
});
export type CcaasQueueListQuery = z.infer<typeof CcaasQueueListQuery>;

/** The reference's algorithm names; PERFORMANCE_BASED has no Parley counterpart. */
const Algorithm = z.enum(['ROUND_ROBIN', 'LOAD_BALANCING'], {
  error: 'must be ROUND_ROBIN or LOAD_BALANCING (PERFORMANCE_BASED is not available in Parley)',
});

/** Creates a queue. */
export const CcaasCreateQueueRequest = z.object({
  name: QueueName,
  isAutoAssignmentEnabled: z.boolean().nullable().optional(),
  workingHoursId: absent,
  externalId: absent,
});
export type CcaasCreateQueueRequest = z.infer<typeof CcaasCreateQueueRequest>;

/** Changes a queue's name and automatic assignment; absent or null fields keep their value. */
export const CcaasUpdateQueueRequest = z.object({
  name: QueueName.optional(),
  isAutoAssignmentEnabled: z.boolean().nullable().optional(),
  autoAssignmentAlgorithm: Algorithm.nullable().optional(),
  isAutoAssignmentOutsideOfWorkingHoursEnabled: off,
  /** 1–365; with `isStickyAutoAssignmentEnabled` absent it (re)sets the days of an enabled sticky agent. */
  stickyAgentTimeoutDays: z.number().int().min(1).max(365).nullable().optional(),
  isStickyAutoAssignmentEnabled: z.boolean().nullable().optional(),
  workingHoursId: absent,
  isRestricted: off,
  externalId: absent,
});
export type CcaasUpdateQueueRequest = z.infer<typeof CcaasUpdateQueueRequest>;

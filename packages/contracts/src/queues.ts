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

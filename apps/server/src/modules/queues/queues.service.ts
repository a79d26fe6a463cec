import type { Orm } from '../../platform/db/client.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import {
  insertLogEntry,
  lockOpenConversationsOfQueue,
  updateConversationRow,
} from '../conversations/conversations.repo.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import {
  filterAgentIds,
  findDefaultQueue,
  findQueueForUpdate,
  insertDefaultQueueIfMissing,
  insertQueue,
  listQueueMemberIds,
  type QueueRow,
  replaceQueueMembers,
  updateQueueRow,
} from './queues.repo.ts';

/** The queue as events carry it. */
function queuePayload(queue: QueueRow) {
  return { id: queue.id, name: queue.name, isDefault: queue.isDefault };
}

/** Returns the Default queue (D4), creating it on first use. */
export async function ensureDefaultQueue(orm: Orm): Promise<QueueRow> {
  const existing = await findDefaultQueue(orm);
  if (existing) return existing;
  await insertDefaultQueueIfMissing(orm);
  const created = await findDefaultQueue(orm);
  // Only a live queue already named "Default" can block the insert.
  if (!created) throw conflict('A queue named Default exists but is not the Default queue');
  return created;
}

function nameTaken(name: string): AppError {
  return conflict(`A queue named ${name} already exists`);
}

/** A supervisor creates a queue (no members yet). */
export function createQueue(events: Events, name: string): Promise<QueueRow> {
  return events.transact(async ({ tx, emit }) => {
    await ensureDefaultQueue(tx);
    try {
      const queue = await insertQueue(tx, name);
      emit('queue.created', queuePayload(queue));
      return queue;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  });
}

/** A supervisor renames a queue (the Default queue too; it stays the Default). */
export function renameQueue(events: Events, queueId: string, name: string): Promise<QueueRow> {
  return events.transact(async ({ tx, emit }) => {
    const current = await findQueueForUpdate(tx, queueId);
    if (!current) throw notFound('Queue');
    if (current.name === name) return current;
    // Integrations and people find the Default queue by its name (D4).
    if (current.isDefault) throw conflict('The Default queue cannot be renamed');
    try {
      const queue = await updateQueueRow(tx, queueId, { name });
      emit('queue.updated', queuePayload(queue));
      return queue;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  });
}

/**
 * A supervisor deletes a queue: its non-CLOSED conversations move to the Default queue (each with a
 * queue log entry by that supervisor) and its members are released. CLOSED conversations keep
 * naming it, so the row stays, marked deleted. The Default queue cannot be deleted.
 */
export function deleteQueue(events: Events, actor: Actor, queueId: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const queue = await findQueueForUpdate(tx, queueId);
    if (!queue) throw notFound('Queue');
    if (queue.isDefault) throw conflict('The Default queue cannot be deleted');
    const fallback = await ensureDefaultQueue(tx);
    for (const conv of await lockOpenConversationsOfQueue(tx, queueId)) {
      const moved = await updateConversationRow(tx, conv.id, { queueId: fallback.id });
      await insertLogEntry(tx, conv.id, 'queue', queueId, fallback.id, actor);
      emit('conversation.queue_changed', {
        conversationId: moved.id,
        from: queueId,
        to: fallback.id,
        assigneeUserId: moved.assigneeUserId,
        actor,
      });
    }
    await replaceQueueMembers(tx, queueId, []);
    await updateQueueRow(tx, queueId, { deletedAt: new Date() });
    emit('queue.deleted', queuePayload(queue));
  });
}

/**
 * A supervisor sets the agent members of a queue (replacing the list). Every id must be an enabled
 * agent. Removing a member leaves their current assignments alone: D3 is checked when an
 * assignment is made, and the agent finishes the conversations they hold.
 */
export function setQueueMembers(
  events: Events,
  queueId: string,
  userIds: readonly string[] | ((current: readonly string[]) => readonly string[]),
): Promise<string[]> {
  return events.transact(async ({ tx, emit }) => {
    if (!(await findQueueForUpdate(tx, queueId))) throw notFound('Queue');
    // A function derives the list from the members read under the queue's lock (one agent added
    // or removed), so concurrent single-member changes do not lose each other. Its members kept
    // from before are not re-checked: one disabled since must not block changing another.
    const kept = typeof userIds === 'function' ? await listQueueMemberIds(tx, queueId) : [];
    const next = typeof userIds === 'function' ? userIds(kept) : userIds;
    const wanted = [...new Set(next)].sort();
    const added = wanted.filter((id) => !kept.includes(id));
    const agents = await filterAgentIds(tx, added);
    if (agents.length !== added.length) {
      const unknown = added.filter((id) => !agents.includes(id));
      throw new AppError('validation_failed', 422, 'Queue members must be enabled agents', {
        userIds: unknown,
      });
    }
    await replaceQueueMembers(tx, queueId, wanted);
    emit('queue.members_changed', { queueId, userIds: wanted });
    return wanted;
  });
}

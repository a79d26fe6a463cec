import type { ConversationStatus, Priority } from '@parley/contracts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { filterAgentIds, findQueueById, listQueueMemberIds } from '../queues/queues.repo.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { lockTagForShare } from '../tags/tags.repo.ts';
import {
  type Actor,
  canAssign,
  canChangeQueue,
  canChangeStatus,
  canEdit,
  checkLength,
  enforce,
} from './conversations.policy.ts';
import {
  type ConversationRow,
  deleteConversationTag,
  findConversationForUpdate,
  insertConversationTag,
  insertLogEntry,
  updateConversationRow,
} from './conversations.repo.ts';

/** Records `emit(type)` with what every conversation event carries: who may see it and who did it. */
export function emitConversation(
  { emit }: TxScope,
  type: string,
  conv: ConversationRow,
  actor: Actor,
  change: Record<string, unknown>,
): void {
  emit(type, {
    conversationId: conv.id,
    queueId: conv.queueId,
    assigneeUserId: conv.assigneeUserId,
    actor,
    ...change,
  });
}

/** Runs `fn` on the locked conversation in one transaction. */
function changeConversation(
  events: Events,
  conversationId: string,
  fn: (scope: TxScope, conv: ConversationRow) => Promise<ConversationRow>,
): Promise<ConversationRow> {
  return events.transact(async (scope) => {
    const conv = await findConversationForUpdate(scope.tx, conversationId);
    if (!conv) throw notFound('Conversation');
    return fn(scope, conv);
  });
}

/**
 * Moves a locked conversation to `to`, logging it; CLOSED stamps `closed_at` and ends "pending".
 * Used by people and by D2 reopening (actor `system`). The same status changes nothing.
 */
export async function applyStatus(
  scope: TxScope,
  conv: ConversationRow,
  to: ConversationStatus,
  actor: Actor,
): Promise<ConversationRow> {
  enforce(canChangeStatus(conv, to));
  if (conv.status === to) return conv;
  const closing = to === 'CLOSED';
  const updated = await updateConversationRow(scope.tx, conv.id, {
    status: to,
    ...(closing && { closedAt: new Date(), pendingSince: null }),
  });
  await insertLogEntry(scope.tx, conv.id, 'status', conv.status, to, actor);
  emitConversation(scope, 'conversation.status_changed', updated, actor, { from: conv.status, to });
  return updated;
}

/** Sets the D2 status (OPEN, WAITING, SOLVED, CLOSED); a CLOSED conversation is refused. */
export function setConversationStatus(
  events: Events,
  actor: Actor,
  conversationId: string,
  status: ConversationStatus,
): Promise<ConversationRow> {
  return changeConversation(events, conversationId, (scope, conv) => applyStatus(scope, conv, status, actor));
}

/** Sets the priority (logged). */
export function setConversationPriority(
  events: Events,
  actor: Actor,
  conversationId: string,
  priority: Priority,
): Promise<ConversationRow> {
  return changeConversation(events, conversationId, async (scope, conv) => {
    enforce(canEdit(conv));
    if (conv.priority === priority) return conv;
    const updated = await updateConversationRow(scope.tx, conv.id, { priority });
    await insertLogEntry(scope.tx, conv.id, 'priority', conv.priority, priority, actor);
    emitConversation(scope, 'conversation.updated', updated, actor, { changes: { priority } });
    return updated;
  });
}

/** Renames the conversation (its topic); not part of the change log (D2 logs status, assignment, priority, tag, queue). */
export function setConversationTopic(
  events: Events,
  actor: Actor,
  conversationId: string,
  topic: string,
): Promise<ConversationRow> {
  enforce(checkLength('topic', topic));
  if (topic.trim() === '') throw new AppError('validation_failed', 422, 'The topic cannot be empty');
  return changeConversation(events, conversationId, async (scope, conv) => {
    enforce(canEdit(conv));
    if (conv.topic === topic) return conv;
    const updated = await updateConversationRow(scope.tx, conv.id, { topic });
    emitConversation(scope, 'conversation.updated', updated, actor, { changes: { topic } });
    return updated;
  });
}

/** Sets or clears (null) the summary. */
export function setConversationSummary(
  events: Events,
  actor: Actor,
  conversationId: string,
  summary: string | null,
): Promise<ConversationRow> {
  if (summary !== null) enforce(checkLength('summary', summary));
  return changeConversation(events, conversationId, async (scope, conv) => {
    enforce(canEdit(conv));
    if (conv.summary === summary) return conv;
    const updated = await updateConversationRow(scope.tx, conv.id, { summary });
    emitConversation(scope, 'conversation.updated', updated, actor, { changes: { summary } });
    return updated;
  });
}

/**
 * Adds a live catalogue conversation tag (D8, logged); a deleted tag is not found. Adding one
 * already there changes nothing.
 */
export function addConversationTag(
  events: Events,
  actor: Actor,
  conversationId: string,
  tagId: string,
): Promise<ConversationRow> {
  return events.transact(async (scope) => {
    // The tag is locked before the conversation, in the order deleteTag locks them: a deletion
    // either waits for this tag to be on the conversation (and takes it off) or is seen here.
    const tag = await lockTagForShare(scope.tx, tagId);
    const conv = await findConversationForUpdate(scope.tx, conversationId);
    if (!conv) throw notFound('Conversation');
    enforce(canEdit(conv));
    if (tag?.kind !== 'conversation' || tag.deletedAt !== null) throw notFound('Tag');
    if (!(await insertConversationTag(scope.tx, conv.id, tagId))) return conv;
    await insertLogEntry(scope.tx, conv.id, 'tag', null, tagId, actor);
    emitConversation(scope, 'conversation.tagged', conv, actor, { tagId });
    return conv;
  });
}

/** Removes a tag (logged); removing one that is not there changes nothing. */
export function removeConversationTag(
  events: Events,
  actor: Actor,
  conversationId: string,
  tagId: string,
): Promise<ConversationRow> {
  return changeConversation(events, conversationId, async (scope, conv) => {
    enforce(canEdit(conv));
    if (!(await deleteConversationTag(scope.tx, conv.id, tagId))) return conv;
    await insertLogEntry(scope.tx, conv.id, 'tag', tagId, null, actor);
    emitConversation(scope, 'conversation.untagged', conv, actor, { tagId });
    return conv;
  });
}

/** Members of the conversation's queue, or null when membership does not restrict (no queue, Default queue). */
async function restrictingMembers(scope: TxScope, queueId: string | null): Promise<string[] | null> {
  if (queueId === null) return null;
  const queue = await findQueueById(scope.tx, queueId);
  if (!queue || queue.isDefault) return null;
  return listQueueMemberIds(scope.tx, queueId);
}

/**
 * Writes an assignment decided under the caller's row lock (logged, with its event); callers
 * check D3 first (assignConversation, and automatic assignment with canAssign).
 */
export async function writeAssignee(
  scope: TxScope,
  conv: ConversationRow,
  to: string | null,
  actor: Actor,
): Promise<ConversationRow> {
  const updated = await updateConversationRow(scope.tx, conv.id, { assigneeUserId: to });
  const from = conv.assigneeUserId;
  await insertLogEntry(
    scope.tx,
    conv.id,
    'assignment',
    from && { userId: from },
    to && { userId: to },
    actor,
  );
  emitConversation(scope, to ? 'conversation.assigned' : 'conversation.unassigned', updated, actor, {
    from,
    to,
    // Whoever lost the conversation must see it leave their My Work.
    previousAssigneeUserId: from,
  });
  return updated;
}

/** D3 assignment to an agent, or unassignment with `assigneeUserId` null (logged). */
export function assignConversation(
  events: Events,
  actor: Actor,
  conversationId: string,
  assigneeUserId: string | null,
): Promise<ConversationRow> {
  return changeConversation(events, conversationId, async (scope, conv) => {
    enforce(canAssign(actor, conv, assigneeUserId, await restrictingMembers(scope, conv.queueId)));
    if (assigneeUserId !== null && (await filterAgentIds(scope.tx, [assigneeUserId])).length === 0) {
      throw notFound('Agent');
    }
    if (conv.assigneeUserId === assigneeUserId) return conv;
    return writeAssignee(scope, conv, assigneeUserId, actor);
  });
}

/** "Assign to me": the acting person takes the conversation. */
export function assignConversationToMe(
  events: Events,
  actor: Actor,
  conversationId: string,
): Promise<ConversationRow> {
  if (!('userId' in actor)) throw forbidden('Only a person can take a conversation');
  return assignConversation(events, actor, conversationId, actor.userId);
}

/**
 * D3: the assignee or a supervisor moves the conversation to another queue (null = the Default
 * queue). An assignee who is not a member of the new queue is unassigned (logged too), so the
 * queue's own agents can pick it up.
 */
export function changeConversationQueue(
  events: Events,
  actor: Actor,
  conversationId: string,
  queueId: string | null,
): Promise<ConversationRow> {
  return changeConversation(events, conversationId, async (scope, conv) => {
    enforce(canChangeQueue(actor, conv));
    const target = queueId ? await findQueueById(scope.tx, queueId) : await ensureDefaultQueue(scope.tx);
    if (!target) throw notFound('Queue');
    if (conv.queueId === target.id) return conv;
    let current = conv;
    const members = await restrictingMembers(scope, target.id);
    if (current.assigneeUserId && members && !members.includes(current.assigneeUserId)) {
      current = await writeAssignee(scope, current, null, actor);
    }
    const updated = await updateConversationRow(scope.tx, conv.id, { queueId: target.id });
    await insertLogEntry(scope.tx, conv.id, 'queue', conv.queueId, target.id, actor);
    emitConversation(scope, 'conversation.queue_changed', updated, actor, {
      from: conv.queueId,
      to: target.id,
    });
    return updated;
  });
}

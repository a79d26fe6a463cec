import type { ConversationStatus, Priority } from '@parley/contracts';
import { type Actor, canEdit, enforce } from '../../modules/conversations/conversations.policy.ts';
import {
  type ConversationRow,
  findConversationForUpdate,
} from '../../modules/conversations/conversations.repo.ts';
import {
  assignConversation,
  changeConversationQueue,
  setConversationPriority,
  setConversationStatus,
  setConversationSummary,
  setConversationTopic,
} from '../../modules/conversations/conversations.service.ts';
import { createConversation, type NewConversationInput } from '../../modules/conversations/threading.ts';
import { findQueueById } from '../../modules/queues/queues.repo.ts';
import { ensureDefaultQueue } from '../../modules/queues/queues.service.ts';
import type { Orm } from '../../platform/db/client.ts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import { findAgentOrFail } from '../acting-agent.ts';
import { ccaasInvalidReference, ccaasNotFound } from '../errors.ts';
import { isUuid } from '../ids.ts';

/** Fields an integrator may change; null clears (summary, assignee) or resets (queue → Default). */
export interface ConversationChanges {
  topic?: string;
  summary?: string | null;
  status?: ConversationStatus;
  priority?: Priority;
  queueId?: string | null;
  agentId?: string | null;
}

/** Refuses, with the reference's 400 NOT_FOUND, a body naming a queue or agent that does not exist. */
export async function checkReferences(orm: Orm, changes: ConversationChanges): Promise<void> {
  if (changes.queueId) {
    const queue = isUuid(changes.queueId) ? await findQueueById(orm, changes.queueId) : undefined;
    if (!queue) throw ccaasInvalidReference(`Invalid queue id given '${changes.queueId}'`);
  }
  // Only agents are assignees (D3); a supervisor-only user is no assignee.
  if (changes.agentId) await findAgentOrFail(orm, changes.agentId, ['agent']);
}

/**
 * Applies the changes through the domain services in one transaction. Queue before assignee (the
 * assignee must belong to the new queue, D3) and status last (a CLOSED conversation takes no more changes).
 */
async function applyChanges(
  outer: Events,
  scope: TxScope,
  actor: Actor,
  conversationId: string,
  changes: ConversationChanges,
): Promise<ConversationRow> {
  const events = joinTransaction(outer, scope);
  const current = await findConversationForUpdate(scope.tx, conversationId);
  if (!current) throw ccaasNotFound(conversationId);
  // D2: a CLOSED conversation refuses every change request, even one repeating its values.
  if (Object.values(changes).some((v) => v !== undefined)) enforce(canEdit(current));
  const queueId = changes.queueId === null ? (await ensureDefaultQueue(scope.tx)).id : changes.queueId;
  // Only real changes reach the services: a PUT repeating the assignee must not need assignment rights.
  const differs = <K extends keyof ConversationRow>(key: K, value: ConversationRow[K] | undefined) =>
    value !== undefined && value !== current[key];
  let row = current;
  if (differs('topic', changes.topic))
    row = await setConversationTopic(events, actor, row.id, changes.topic ?? '');
  if (differs('summary', changes.summary)) {
    row = await setConversationSummary(events, actor, row.id, changes.summary ?? null);
  }
  if (changes.priority && differs('priority', changes.priority)) {
    row = await setConversationPriority(events, actor, row.id, changes.priority);
  }
  if (queueId && differs('queueId', queueId))
    row = await changeConversationQueue(events, actor, row.id, queueId);
  if (differs('assigneeUserId', changes.agentId)) {
    row = await assignConversation(events, actor, row.id, changes.agentId ?? null);
  }
  if (changes.status && differs('status', changes.status)) {
    row = await setConversationStatus(events, actor, row.id, changes.status);
  }
  return row;
}

/** PUT/PATCH: the changes to one conversation, all or nothing. */
export async function updateConversation(
  events: Events,
  orm: Orm,
  actor: Actor,
  conversationId: string,
  changes: ConversationChanges,
): Promise<ConversationRow> {
  await checkReferences(orm, changes);
  return events.transact((scope) => applyChanges(events, scope, actor, conversationId, changes));
}

/** POST: a new conversation (no channel yet), then the assignee and status asked for, in one transaction. */
export async function createConversationWith(
  events: Events,
  orm: Orm,
  actor: Actor,
  input: NewConversationInput,
  then: Pick<ConversationChanges, 'agentId' | 'status'>,
): Promise<ConversationRow> {
  await checkReferences(orm, { queueId: input.queueId, agentId: then.agentId });
  return events.transact(async (scope) => {
    const created = await createConversation(joinTransaction(events, scope), actor, input);
    return applyChanges(events, scope, actor, created.id, then);
  });
}

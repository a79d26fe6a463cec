import type { ConversationStatus, Priority } from '@parley/contracts';
import {
  updateConversation as applyPatch,
  type ConversationPatchInput,
} from '../../modules/conversations/conversation-commands.service.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import type { ConversationRow } from '../../modules/conversations/conversations.repo.ts';
import { createConversation, type NewConversationInput } from '../../modules/conversations/threading.ts';
import { findQueueById } from '../../modules/queues/queues.repo.ts';
import type { Orm } from '../../platform/db/client.ts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUuid } from '../../platform/ids.ts';
import { findAgentOrFail } from '../acting-agent.ts';
import { ccaasInvalidReference } from '../errors.ts';

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

/** The domain patch of an integrator's changes: `agentId` names the assignee. */
function toPatch({ agentId, ...rest }: ConversationChanges): ConversationPatchInput {
  return { ...rest, assigneeUserId: agentId };
}

/** PUT/PATCH: the changes to one conversation, all or nothing (see `updateConversation` of the conversations module). */
export async function updateConversation(
  events: Events,
  orm: Orm,
  actor: Actor,
  conversationId: string,
  changes: ConversationChanges,
): Promise<ConversationRow> {
  await checkReferences(orm, changes);
  return applyPatch(events, actor, conversationId, toPatch(changes));
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
    const joined = joinTransaction(events, scope);
    const created = await createConversation(joined, actor, input);
    return applyPatch(joined, actor, created.id, toPatch(then));
  });
}

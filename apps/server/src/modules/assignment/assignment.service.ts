import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events } from '../../platform/events/types.ts';
import { type Actor, canAssign, enforce } from '../conversations/conversations.policy.ts';
import { findConversationForUpdate } from '../conversations/conversations.repo.ts';
import { assignConversation, writeAssignee } from '../conversations/conversations.service.ts';
import { findQueueById } from '../queues/queues.repo.ts';
import { chooseAgent, isEligible } from './assignment.policy.ts';
import {
  findStickyAgent,
  hasWaiting,
  listCandidates,
  listReturnableConversations,
  lockAgent,
  lockNextWaiting,
  lockQueueForAssignment,
  markAssigned,
} from './assignment.repo.ts';

const AUTOMATION: Actor = { kind: 'automation' };

/** Most conversations one run of a queue assigns before yielding (the next trigger continues). */
const MAX_PER_RUN = 500;

/**
 * One step of D4 automatic assignment in its own transaction: under the queue's advisory lock,
 * the next waiting conversation (priority, then waiting time) goes to the sticky agent or the
 * algorithm's choice among Active members under capacity, re-checked under that agent's row lock.
 * One agent lock per transaction, always after the queue lock, so runs of different queues cannot
 * deadlock. Says whether a conversation was assigned and whether another still waits.
 */
export function assignNextInQueue(events: Events, queueId: string): Promise<Step> {
  return events.transact(async (scope) => {
    const { tx } = scope;
    await lockQueueForAssignment(tx, queueId);
    const queue = await findQueueById(tx, queueId);
    if (!queue?.autoAssign) return DONE;
    const conv = await lockNextWaiting(tx, queueId);
    if (!conv) return DONE;
    // Enabled agent members only: the D3 membership rule holds for whoever is chosen.
    const candidates = (await listCandidates(tx, queueId)).filter(isEligible);
    const sticky = queue.stickyAgentDays ? await findStickyAgent(tx, conv, queue.stickyAgentDays) : null;
    while (candidates.length > 0) {
      const userId = chooseAgent(candidates, queue.algorithm, sticky);
      if (!userId) return DONE;
      // Another queue's run or an availability change may have got there first.
      const fresh = await lockAgent(tx, userId);
      if (fresh && isEligible(fresh)) {
        const members = queue.isDefault ? null : candidates.map((c) => c.userId);
        enforce(canAssign(AUTOMATION, conv, userId, members));
        await writeAssignee(scope, conv, userId, AUTOMATION);
        await markAssigned(tx, queueId, userId);
        return { assigned: true, more: await hasWaiting(tx, queueId) };
      }
      candidates.splice(
        candidates.findIndex((c) => c.userId === userId),
        1,
      );
    }
    return DONE;
  });
}

interface Step {
  assigned: boolean;
  more: boolean;
}
const DONE: Step = { assigned: false, more: false };

/** Assigns waiting conversations of the queue until none waits or nobody can take one. */
export async function runQueue(events: Events, queueId: string): Promise<number> {
  let assigned = 0;
  for (let more = true; more && assigned < MAX_PER_RUN; ) {
    const step = await assignNextInQueue(events, queueId);
    if (step.assigned) assigned += 1;
    more = step.assigned && step.more;
  }
  return assigned;
}

/**
 * D4 hand-back: when an agent goes Away or Offline, their OPEN and WAITING conversations in queues
 * set to RETURN_TO_QUEUE are unassigned (as automation, logged), each under its row lock and only
 * while the agent is still unavailable and still holds it; automatic assignment then offers them again.
 */
export async function returnConversationsOf(
  events: Events,
  orm: Parameters<typeof listReturnableConversations>[0],
  userId: string,
): Promise<number> {
  let returned = 0;
  for (const conversationId of await listReturnableConversations(orm, userId)) {
    const done = await events.transact(async (scope) => {
      const agent = await lockAgent(scope.tx, userId);
      if (agent?.active) return false;
      const conv = await findConversationForUpdate(scope.tx, conversationId);
      if (conv?.assigneeUserId !== userId || conv.status === 'CLOSED') return false;
      await assignConversation(joinTransaction(events, scope), AUTOMATION, conversationId, null);
      return true;
    });
    if (done) returned += 1;
  }
  return returned;
}

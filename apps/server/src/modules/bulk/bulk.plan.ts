import type { BulkAction, ErrorCode } from '@parley/contracts';
import { notFound } from '../../platform/errors.ts';
import {
  type Actor,
  canAssign,
  canChangeQueue,
  canChangeStatus,
  canEdit,
  type Decision,
} from '../conversations/conversations.policy.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';

// What a bulk action does to one locked conversation, decided in memory with the same D2/D3 rules,
// in the same order, as `updateConversation` applies them to a single change (conversation-commands).

/** What the rules decide needs knowing besides the row, loaded once per batch. */
export interface BulkFacts {
  actor: Actor;
  /**
   * Members of each queue the batch's rows (and a queue action's target) are in, or null when the
   * queue does not restrict assignment (the Default queue, a deleted or missing queue).
   */
  restricting: ReadonlyMap<string, readonly string[] | null>;
  /** reassign: whether the new assignee is an enabled agent. */
  targetIsAgent: boolean;
  /** queue: the queue asked for (null asks for the Default queue, resolved here) … */
  targetQueueId: string | null;
  /** … and whether it is a live queue. */
  targetQueueLive: boolean;
}

export type RowPlan =
  | { kind: 'unchanged' }
  | { kind: 'refused'; code: ErrorCode; message: string }
  /** `unassignFirst`: a queue change that takes the conversation from an assignee outside the new queue. */
  | { kind: 'change'; unassignFirst: boolean };

const unchanged: RowPlan = { kind: 'unchanged' };
const change: RowPlan = { kind: 'change', unassignFirst: false };
const refused = (decision: Extract<Decision, { ok: false }>): RowPlan => ({
  kind: 'refused',
  code: decision.code,
  message: decision.reason,
});
const missing = (what: string): RowPlan => {
  const error = notFound(what);
  return { kind: 'refused', code: error.code, message: error.message };
};

const membersOf = (facts: BulkFacts, queueId: string | null) =>
  queueId === null ? null : (facts.restricting.get(queueId) ?? null);

/** The plan for one row; a value the row already has changes nothing and needs no rights. */
export function planRow(row: ConversationRow, action: BulkAction, facts: BulkFacts): RowPlan {
  // D2: a CLOSED conversation refuses every change request, even one repeating its values.
  const editable = canEdit(row);
  if (!editable.ok) return refused(editable);
  switch (action.type) {
    case 'priority':
      return action.priority === row.priority ? unchanged : change;
    case 'status': {
      if (action.status === row.status) return unchanged;
      const decision = canChangeStatus(row, action.status);
      return decision.ok ? change : refused(decision);
    }
    case 'reassign': {
      if (action.userId === row.assigneeUserId) return unchanged;
      const decision = canAssign(facts.actor, row, action.userId, membersOf(facts, row.queueId));
      if (!decision.ok) return refused(decision);
      return action.userId !== null && !facts.targetIsAgent ? missing('Agent') : change;
    }
    case 'queue': {
      const target = facts.targetQueueId;
      if (target === row.queueId) return unchanged;
      const decision = canChangeQueue(facts.actor, row);
      if (!decision.ok) return refused(decision);
      if (target === null || !facts.targetQueueLive) return missing('Queue');
      const members = membersOf(facts, target);
      const unassignFirst =
        row.assigneeUserId !== null && members !== null && !members.includes(row.assigneeUserId);
      return { kind: 'change', unassignFirst };
    }
  }
}

import { type Actor, type ConversationFacts, canEdit, type Decision } from './conversations.policy.ts';

/** What the merge rules look at of each conversation. */
export interface MergeFacts extends ConversationFacts {
  number: number;
  customerId: string | null;
}

const refuse = (code: 'merge_forbidden' | 'conflict', reason: string): Decision => ({
  ok: false,
  code,
  reason,
});

/**
 * D2 merge of `sources` into `target`. CLOSED is final, so neither side may be CLOSED
 * (`conversation_closed`). D3: a merge takes the sources' messages and closes them, so an agent
 * merges only into a conversation assigned to them and only sources that are theirs or unassigned
 * (as they could take those with "Assign to me"); supervisors and automation merge any
 * (`merge_forbidden`). All must belong to one known customer (`conflict`): an unknown customer's
 * conversation is linked to its profile first.
 */
export function canMerge(actor: Actor, target: MergeFacts, sources: readonly MergeFacts[]): Decision {
  for (const conv of [target, ...sources]) {
    const editable = canEdit(conv);
    if (!editable.ok) {
      return { ...editable, reason: `#${conv.number} is closed and can no longer be changed` };
    }
  }
  if (actor.kind === 'agent') {
    if (target.assigneeUserId !== actor.userId) {
      return refuse('merge_forbidden', 'An agent may merge only into a conversation assigned to them');
    }
    const other = sources.find((s) => s.assigneeUserId !== null && s.assigneeUserId !== actor.userId);
    if (other) return refuse('merge_forbidden', `#${other.number} is assigned to another agent`);
  }
  if (target.customerId === null) {
    return refuse('conflict', 'Link this conversation to its customer before merging into it');
  }
  const stranger = sources.find((s) => s.customerId !== target.customerId);
  if (stranger) {
    return refuse(
      'conflict',
      `#${stranger.number} belongs to another customer: only one customer's conversations merge`,
    );
  }
  return { ok: true };
}

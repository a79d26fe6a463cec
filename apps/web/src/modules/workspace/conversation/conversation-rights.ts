import type { Conversation, Role } from '@parley/contracts';

// What the signed-in user may do with the open conversation, mirroring the server's policy
// (apps/server/src/modules/conversations/conversations.policy.ts) so the view can disable a control
// and say why before the server would refuse. The server still decides: a refusal it answers is shown.

/** The signed-in user as the rules see them. */
export interface Me {
  id: string;
  roles: readonly Role[];
}

/** A refusal reason to show, or null when the action is allowed. */
export type Block = string | null;

export const isSupervisor = (me: Me) => me.roles.includes('supervisor');

type ConversationFacts = Pick<Conversation, 'status' | 'assignee'>;

export const CLOSED_REASON = 'The conversation is closed and can no longer be changed';

/** D2: nothing of a CLOSED conversation changes. */
export function editBlock(conv: ConversationFacts): Block {
  return conv.status === 'CLOSED' ? CLOSED_REASON : null;
}

/** D3: only the assignee or a supervisor moves a conversation to another queue. */
export function queueChangeBlock(me: Me, conv: ConversationFacts): Block {
  const closed = editBlock(conv);
  if (closed) return closed;
  if (!isSupervisor(me) && conv.assignee?.id !== me.id) {
    return 'Only the assignee or a supervisor may change the queue';
  }
  return null;
}

/** An agent replies only in a conversation assigned to them; supervisors reply in any (notes are open to all). */
export function replyBlock(me: Me, conv: ConversationFacts): Block {
  const closed = editBlock(conv);
  if (closed) return closed;
  if (isSupervisor(me) || conv.assignee?.id === me.id) return null;
  return conv.assignee
    ? `Assigned to ${conv.assignee.displayName}: only they or a supervisor can reply`
    : 'Assign the conversation to yourself to reply';
}

/** D2/D3 merge into this conversation: not CLOSED, a known customer, and the agent's own (supervisors: any). */
export function mergeBlock(me: Me, conv: ConversationFacts & Pick<Conversation, 'customer'>): Block {
  const closed = editBlock(conv);
  if (closed) return closed;
  if (conv.customer.id === null) return 'Link the conversation to its customer to merge others into it';
  if (!isSupervisor(me) && conv.assignee?.id !== me.id) {
    return 'Only the assignee or a supervisor may merge into this conversation';
  }
  return null;
}

/** D3: an agent merges in only their own or unassigned conversations; supervisors any. */
export function mergeSourceBlock(me: Me, source: ConversationFacts): Block {
  if (isSupervisor(me) || !source.assignee || source.assignee.id === me.id) return null;
  return `Assigned to ${source.assignee.displayName}`;
}

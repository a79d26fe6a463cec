import { type ConversationStatus, LIMITS, type Role } from '@parley/contracts';
import { AppError } from '../../platform/errors.ts';

/**
 * Who makes a change. People act as `agent` or `supervisor` (a user with the supervisor role always
 * acts as supervisor); `automation` is routing and automatic assignment, `system` the D2 rules
 * themselves (an inbound message reopening a SOLVED conversation).
 */
export type Actor = { kind: 'agent' | 'supervisor'; userId: string } | { kind: 'automation' | 'system' };

/** The actor a signed-in user (or an API call made on behalf of a user) acts as. */
export function personActor(user: { id: string; roles: readonly Role[] }): Actor {
  return { kind: user.roles.includes('supervisor') ? 'supervisor' : 'agent', userId: user.id };
}

/** The refusal codes of the conversation rules, each with the HTTP status it is answered with. */
const REFUSAL_STATUS = {
  conversation_closed: 409,
  assignment_forbidden: 403,
  assignee_not_in_queue: 422,
  queue_change_forbidden: 403,
  reply_forbidden: 403,
  merge_forbidden: 403,
  limit_exceeded: 422,
  conflict: 409,
} as const;
export type RefusalCode = keyof typeof REFUSAL_STATUS;

export type Decision = { ok: true } | { ok: false; code: RefusalCode; reason: string };

const allowed: Decision = { ok: true };
const refuse = (code: RefusalCode, reason: string): Decision => ({ ok: false, code, reason });

/** Throws the refusal as an AppError; services call it on every decision. */
export function enforce(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, REFUSAL_STATUS[decision.code], decision.reason);
}

/** The conversation fields the rules look at. */
export interface ConversationFacts {
  status: ConversationStatus;
  assigneeUserId: string | null;
}

/** D2: nothing of a CLOSED conversation changes — no status, assignee, queue, tag, topic, priority or summary. */
export function canEdit(conv: ConversationFacts): Decision {
  return conv.status === 'CLOSED'
    ? refuse('conversation_closed', 'The conversation is closed and can no longer be changed')
    : allowed;
}

/** D2: CLOSED is final; from any other status every status (CLOSED included) may be chosen. */
export function canChangeStatus(conv: ConversationFacts, _to: ConversationStatus): Decision {
  return canEdit(conv);
}

/**
 * D3 assignment; `assigneeUserId` null means unassign. An agent may take an unassigned conversation
 * for themselves and hand (or give back) one assigned to them; never take or release someone
 * else's, nor hand an unassigned one to a colleague. Supervisors and automation may change any.
 * `queueMemberIds` are the members of the conversation's queue, or null when membership does not
 * restrict (the Default queue, which every agent sees, D4).
 */
export function canAssign(
  actor: Actor,
  conv: ConversationFacts,
  assigneeUserId: string | null,
  queueMemberIds: readonly string[] | null,
): Decision {
  const editable = canEdit(conv);
  if (!editable.ok) return editable;
  if (actor.kind === 'agent') {
    if (conv.assigneeUserId === null && assigneeUserId !== actor.userId) {
      return refuse(
        'assignment_forbidden',
        'An agent may only assign an unassigned conversation to themselves',
      );
    }
    if (conv.assigneeUserId !== null && conv.assigneeUserId !== actor.userId) {
      return refuse('assignment_forbidden', 'The conversation is assigned to another agent');
    }
  }
  if (assigneeUserId !== null && queueMemberIds !== null && !queueMemberIds.includes(assigneeUserId)) {
    return refuse('assignee_not_in_queue', "The assignee is not a member of the conversation's queue");
  }
  return allowed;
}

/** D3: only the assignee (or a supervisor, or automation) moves a conversation to another queue. */
export function canChangeQueue(actor: Actor, conv: ConversationFacts): Decision {
  const editable = canEdit(conv);
  if (!editable.ok) return editable;
  if (actor.kind === 'agent' && conv.assigneeUserId !== actor.userId) {
    return refuse('queue_change_forbidden', 'Only the assignee or a supervisor may change the queue');
  }
  return allowed;
}

/**
 * An agent replies to the customer only in a conversation assigned to them (an unassigned one is
 * taken first with "Assign to me"), so the customer never gets answers from two agents at once.
 * For the same reason automation (an integration acting for no agent) answers only unassigned
 * conversations: once a person holds one, the replies are theirs.
 */
export function canReply(actor: Actor, conv: ConversationFacts): Decision {
  const editable = canEdit(conv);
  if (!editable.ok) return editable;
  if (actor.kind === 'agent' && conv.assigneeUserId !== actor.userId) {
    return refuse('reply_forbidden', 'Only the assigned agent may reply in this conversation');
  }
  if (!('userId' in actor) && conv.assigneeUserId !== null) {
    return refuse('reply_forbidden', 'The conversation is assigned: only a person may reply in it');
  }
  return allowed;
}

/** The D11 text limits the conversation rules check. */
export type LimitedField = 'topic' | 'summary' | 'tagName' | 'messageText' | 'noteText';

/** D11: a text longer than its limit is refused (counted in characters, as the UI counts them). */
export function checkLength(field: LimitedField, value: string): Decision {
  const max = LIMITS[field];
  return [...value].length > max
    ? refuse('limit_exceeded', `${field} is longer than ${max} characters`)
    : allowed;
}

import type { Agent, Conversation } from '@parley/contracts';
import { editBlock, isSupervisor, type Me } from './conversation-rights.ts';

// D3 for the assignee selector, mirroring `canAssign` of the server's conversations.policy.ts:
// each choice says whether it may be picked and, when not, why.

/** One entry of the assignee selector; `userId` null is "Unassign". */
export interface AssignmentChoice {
  userId: string | null;
  label: string;
  /** Why this choice cannot be made now; null when it can. */
  disabledReason: string | null;
  /** The agent behind the choice (absent for "Unassign"). */
  agent?: Agent;
}

export interface AssignmentChoices {
  /** "Assign to me": absent when the user is no agent or already holds the conversation. */
  assignToMe: AssignmentChoice | null;
  /** "Unassign": absent when nobody holds the conversation. */
  unassign: AssignmentChoice | null;
  /** Every agent, the current assignee included (marked by its reason). */
  agents: AssignmentChoice[];
}

export interface AssignmentFacts {
  me: Me;
  conversation: Pick<Conversation, 'status' | 'assignee' | 'queue'>;
  agents: readonly Agent[];
  /**
   * Whether the conversation's queue restricts who may hold it: the Default queue (and no queue)
   * does not, since every agent sees it (D4).
   */
  queueRestricts: boolean;
}

/** Why `target` (an agent id, or null to unassign) cannot become the assignee now; null when it can. */
export function assignmentBlock(facts: AssignmentFacts, target: Agent | null): string | null {
  const { me, conversation } = facts;
  const closed = editBlock(conversation);
  if (closed) return closed;
  const holder = conversation.assignee;
  if ((holder?.id ?? null) === (target?.id ?? null)) {
    return target ? 'Already the assignee' : 'Not assigned';
  }
  if (!isSupervisor(me)) {
    if (holder && holder.id !== me.id) {
      return `Assigned to ${holder.displayName}: only they or a supervisor can reassign it`;
    }
    if (!holder && target?.id !== me.id) {
      return 'An agent may only assign an unassigned conversation to themselves';
    }
  }
  const queue = conversation.queue;
  if (target && queue && facts.queueRestricts && !target.queueIds.includes(queue.id)) {
    return `Not a member of the ${queue.name} queue`;
  }
  return null;
}

/** The selector's choices with their D3 verdicts. */
export function assignmentChoices(facts: AssignmentFacts): AssignmentChoices {
  const { me, conversation } = facts;
  const self = facts.agents.find((a) => a.id === me.id);
  const agents = facts.agents.map((agent) => ({
    userId: agent.id,
    label: agent.displayName,
    disabledReason: assignmentBlock(facts, agent),
    agent,
  }));
  return {
    assignToMe:
      self && conversation.assignee?.id !== me.id
        ? {
            userId: self.id,
            label: 'Assign to me',
            disabledReason: assignmentBlock(facts, self),
            agent: self,
          }
        : null,
    unassign: conversation.assignee
      ? { userId: null, label: 'Unassign', disabledReason: assignmentBlock(facts, null) }
      : null,
    agents,
  };
}

import type { Agent, Conversation } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { type AssignmentFacts, assignmentBlock, assignmentChoices } from './assignment-choices.ts';
import { CLOSED_REASON, queueChangeBlock, replyBlock } from './conversation-rights.ts';

const SALES = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Sales' };

function agent(n: number, name: string, queueIds: string[] = []): Agent {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    displayName: name,
    availability: 'ACTIVE',
    availabilityChangedAt: '2026-03-01T09:00:00.000Z',
    load: 0,
    capacity: 5,
    queueIds,
  };
}

const ann = agent(1, 'Ann', [SALES.id]);
const bob = agent(2, 'Bob', [SALES.id]);
const cid = agent(3, 'Cid');
const agents = [ann, bob, cid];
const person = (a: Agent) => ({ id: a.id, displayName: a.displayName });

type Conv = AssignmentFacts['conversation'];
const open = (assignee: Agent | null, queue: Conversation['queue'] = null): Conv => ({
  status: 'OPEN',
  assignee: assignee ? person(assignee) : null,
  queue,
});

const asAgent = (me: Agent) => ({ id: me.id, roles: ['agent'] as const });
const asSupervisor = (me: Agent) => ({ id: me.id, roles: ['agent', 'supervisor'] as const });

function facts(me: AssignmentFacts['me'], conversation: Conv, queueRestricts = false): AssignmentFacts {
  return { me, conversation, agents, queueRestricts };
}

const reasons = (f: AssignmentFacts) =>
  Object.fromEntries(assignmentChoices(f).agents.map((c) => [c.label, c.disabledReason]));

describe('assignment choices (D3, mirroring the server policy)', () => {
  it('lets an agent take an unassigned conversation for themselves only', () => {
    const f = facts(asAgent(ann), open(null));
    const choices = assignmentChoices(f);
    expect(choices.assignToMe?.disabledReason).toBeNull();
    expect(choices.unassign).toBeNull();
    expect(reasons(f)).toEqual({
      Ann: null,
      Bob: 'An agent may only assign an unassigned conversation to themselves',
      Cid: 'An agent may only assign an unassigned conversation to themselves',
    });
  });

  it('lets the assignee hand over or unassign, and hides "Assign to me"', () => {
    const f = facts(asAgent(ann), open(ann));
    const choices = assignmentChoices(f);
    expect(choices.assignToMe).toBeNull();
    expect(choices.unassign?.disabledReason).toBeNull();
    expect(reasons(f)).toEqual({ Ann: 'Already the assignee', Bob: null, Cid: null });
  });

  it("never lets an agent take or release someone else's conversation", () => {
    const f = facts(asAgent(ann), open(bob));
    const choices = assignmentChoices(f);
    const refusal = 'Assigned to Bob: only they or a supervisor can reassign it';
    expect(choices.assignToMe?.disabledReason).toBe(refusal);
    expect(choices.unassign?.disabledReason).toBe(refusal);
    expect(reasons(f)).toEqual({ Ann: refusal, Bob: 'Already the assignee', Cid: refusal });
  });

  it('lets a supervisor change any assignment', () => {
    const f = facts(asSupervisor(cid), open(bob));
    expect(reasons(f)).toEqual({ Ann: null, Bob: 'Already the assignee', Cid: null });
    expect(assignmentChoices(f).unassign?.disabledReason).toBeNull();
  });

  it('requires the assignee to be a member of a restricting queue, not of the Default queue', () => {
    const restricted = facts(asSupervisor(cid), open(null, SALES), true);
    expect(reasons(restricted)).toEqual({ Ann: null, Bob: null, Cid: 'Not a member of the Sales queue' });
    expect(assignmentChoices(restricted).assignToMe?.disabledReason).toBe('Not a member of the Sales queue');
    const defaultQueue = facts(asAgent(cid), open(null, { id: SALES.id, name: 'Default' }), false);
    expect(assignmentBlock(defaultQueue, cid)).toBeNull();
  });

  it('changes nothing of a CLOSED conversation', () => {
    const f = facts(asSupervisor(ann), { ...open(bob), status: 'CLOSED' });
    const choices = assignmentChoices(f);
    expect(new Set(Object.values(reasons(f)))).toEqual(new Set([CLOSED_REASON]));
    expect(choices.unassign?.disabledReason).toBe(CLOSED_REASON);
    expect(choices.assignToMe?.disabledReason).toBe(CLOSED_REASON);
  });

  it('offers "Assign to me" only to users who are agents', () => {
    const supervisorOnly = { id: '00000000-0000-4000-8000-0000000000ff', roles: ['supervisor'] as const };
    expect(assignmentChoices(facts(supervisorOnly, open(null))).assignToMe).toBeNull();
  });
});

describe('queue and reply rights', () => {
  it('lets only the assignee or a supervisor change the queue', () => {
    expect(queueChangeBlock(asAgent(ann), open(ann))).toBeNull();
    expect(queueChangeBlock(asAgent(ann), open(bob))).toBe(
      'Only the assignee or a supervisor may change the queue',
    );
    expect(queueChangeBlock(asAgent(ann), open(null))).not.toBeNull();
    expect(queueChangeBlock(asSupervisor(cid), open(bob))).toBeNull();
    expect(queueChangeBlock(asSupervisor(cid), { ...open(bob), status: 'CLOSED' })).toBe(CLOSED_REASON);
  });

  it('lets an agent reply only in their own conversation, a supervisor in any', () => {
    expect(replyBlock(asAgent(ann), open(ann))).toBeNull();
    expect(replyBlock(asAgent(ann), open(null))).toBe('Assign the conversation to yourself to reply');
    expect(replyBlock(asAgent(ann), open(bob))).toBe('Assigned to Bob: only they or a supervisor can reply');
    expect(replyBlock(asSupervisor(cid), open(bob))).toBeNull();
    expect(replyBlock(asSupervisor(cid), { ...open(bob), status: 'CLOSED' })).toBe(CLOSED_REASON);
  });
});

import { LIMITS } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  type Actor,
  canAssign,
  canChangeQueue,
  canChangeStatus,
  canEdit,
  canReply,
  checkLength,
  enforce,
  personActor,
} from './conversations.policy.ts';

const me: Actor = { kind: 'agent', userId: 'me' };
const supervisor: Actor = { kind: 'supervisor', userId: 'boss' };
const automation: Actor = { kind: 'automation' };
const open = (assigneeUserId: string | null = null) => ({ status: 'OPEN' as const, assigneeUserId });
const closed = { status: 'CLOSED' as const, assigneeUserId: 'me' };
const codeOf = (d: ReturnType<typeof canEdit>) => (d.ok ? 'ok' : d.code);

describe('status and editing (D2)', () => {
  it('allows any status from a non-closed one, CLOSED included, and nothing after CLOSED', () => {
    for (const from of ['OPEN', 'WAITING', 'SOLVED'] as const) {
      for (const to of ['OPEN', 'WAITING', 'SOLVED', 'CLOSED'] as const) {
        expect(canChangeStatus({ status: from, assigneeUserId: null }, to).ok).toBe(true);
      }
    }
    expect(codeOf(canChangeStatus(closed, 'OPEN'))).toBe('conversation_closed');
    expect(codeOf(canEdit(closed))).toBe('conversation_closed');
    expect(canEdit(open()).ok).toBe(true);
  });
});

describe('assignment (D3)', () => {
  it('lets an agent take an unassigned conversation only for themselves', () => {
    expect(canAssign(me, open(), 'me', null).ok).toBe(true);
    expect(codeOf(canAssign(me, open(), 'colleague', null))).toBe('assignment_forbidden');
  });

  it('lets an agent hand their own conversation to another agent or give it back', () => {
    expect(canAssign(me, open('me'), 'colleague', null).ok).toBe(true);
    expect(canAssign(me, open('me'), null, null).ok).toBe(true);
  });

  it("never lets an agent take or release someone else's conversation", () => {
    expect(codeOf(canAssign(me, open('colleague'), 'me', null))).toBe('assignment_forbidden');
    expect(codeOf(canAssign(me, open('colleague'), null, null))).toBe('assignment_forbidden');
  });

  it('lets supervisors and automation change any assignment', () => {
    expect(canAssign(supervisor, open('colleague'), 'me', null).ok).toBe(true);
    expect(canAssign(supervisor, open('colleague'), null, null).ok).toBe(true);
    expect(canAssign(automation, open(), 'me', null).ok).toBe(true);
  });

  it('requires the assignee to be a member of a restricting queue', () => {
    expect(codeOf(canAssign(supervisor, open(), 'me', ['other']))).toBe('assignee_not_in_queue');
    expect(codeOf(canAssign(automation, open(), 'me', []))).toBe('assignee_not_in_queue');
    expect(canAssign(me, open(), 'me', ['me']).ok).toBe(true);
    expect(canAssign(supervisor, open('me'), null, ['other']).ok).toBe(true);
  });

  it('refuses every assignment change of a CLOSED conversation first', () => {
    expect(codeOf(canAssign(supervisor, closed, null, null))).toBe('conversation_closed');
    expect(codeOf(canAssign(me, closed, 'colleague', ['nobody']))).toBe('conversation_closed');
  });
});

describe('queue change and replies', () => {
  it('lets only the assignee or a supervisor change the queue', () => {
    expect(canChangeQueue(me, open('me')).ok).toBe(true);
    expect(codeOf(canChangeQueue(me, open()))).toBe('queue_change_forbidden');
    expect(codeOf(canChangeQueue(me, open('colleague')))).toBe('queue_change_forbidden');
    expect(canChangeQueue(supervisor, open('colleague')).ok).toBe(true);
    expect(codeOf(canChangeQueue(supervisor, closed))).toBe('conversation_closed');
  });

  it('lets an agent reply only in their own conversation; supervisors anywhere open', () => {
    expect(canReply(me, open('me')).ok).toBe(true);
    expect(codeOf(canReply(me, open()))).toBe('reply_forbidden');
    expect(codeOf(canReply(me, open('colleague')))).toBe('reply_forbidden');
    expect(canReply(supervisor, open()).ok).toBe(true);
    expect(codeOf(canReply(supervisor, closed))).toBe('conversation_closed');
  });

  it("lets automation reply only in an unassigned conversation (an assigned one is its agent's)", () => {
    expect(canReply(automation, open()).ok).toBe(true);
    expect(codeOf(canReply(automation, open('me')))).toBe('reply_forbidden');
    expect(codeOf(canReply({ kind: 'system' }, open('me')))).toBe('reply_forbidden');
  });
});

describe('limits (D11) and helpers', () => {
  it('accepts text up to each limit and refuses one character more', () => {
    const fields = { topic: 1000, summary: 4000, tagName: 100, messageText: 4096, noteText: 4000 } as const;
    for (const [field, max] of Object.entries(fields) as [keyof typeof fields, number][]) {
      expect(LIMITS[field]).toBe(max);
      expect(checkLength(field, 'x'.repeat(max)).ok).toBe(true);
      expect(codeOf(checkLength(field, 'x'.repeat(max + 1)))).toBe('limit_exceeded');
    }
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkLength('tagName', '😀'.repeat(100)).ok).toBe(true);
  });

  it('turns a refusal into an AppError with its status', () => {
    expect(() => enforce(canEdit(open()))).not.toThrow();
    try {
      enforce(canEdit(closed));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'conversation_closed', status: 409 });
    }
  });

  it('makes a user with the supervisor role act as supervisor', () => {
    expect(personActor({ id: 'u', roles: ['agent'] })).toEqual({ kind: 'agent', userId: 'u' });
    expect(personActor({ id: 'u', roles: ['agent', 'supervisor'] })).toEqual({
      kind: 'supervisor',
      userId: 'u',
    });
  });
});

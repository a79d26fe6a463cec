import { describe, expect, it } from 'vitest';
import { canMerge, type MergeFacts } from './conversation-merge.policy.ts';
import type { Actor, Decision } from './conversations.policy.ts';

const me: Actor = { kind: 'agent', userId: 'me' };
const supervisor: Actor = { kind: 'supervisor', userId: 'boss' };
let n = 0;
const conv = (over: Partial<MergeFacts> = {}): MergeFacts => ({
  number: ++n,
  status: 'OPEN',
  assigneeUserId: 'me',
  customerId: 'c1',
  ...over,
});
const codeOf = (d: Decision) => (d.ok ? 'ok' : d.code);

describe('merge rules (D2, D3)', () => {
  it('lets an agent merge their own and unassigned conversations into their own', () => {
    expect(codeOf(canMerge(me, conv(), [conv(), conv({ assigneeUserId: null })]))).toBe('ok');
  });

  it('refuses an agent a target that is not theirs, or a source of another agent', () => {
    expect(codeOf(canMerge(me, conv({ assigneeUserId: null }), [conv()]))).toBe('merge_forbidden');
    expect(codeOf(canMerge(me, conv({ assigneeUserId: 'other' }), [conv()]))).toBe('merge_forbidden');
    const theirs = conv({ assigneeUserId: 'other', number: 77 });
    const refused = canMerge(me, conv(), [conv(), theirs]);
    expect(codeOf(refused)).toBe('merge_forbidden');
    expect(refused.ok ? '' : refused.reason).toContain('#77');
  });

  it('lets supervisors merge anyone’s conversations', () => {
    const target = conv({ assigneeUserId: 'other' });
    expect(codeOf(canMerge(supervisor, target, [conv({ assigneeUserId: 'third' })]))).toBe('ok');
  });

  it('refuses a CLOSED target or source first, naming it (CLOSED is final)', () => {
    const closed = conv({ status: 'CLOSED', number: 5 });
    const asSource = canMerge(supervisor, conv(), [closed]);
    expect(codeOf(asSource)).toBe('conversation_closed');
    expect(asSource.ok ? '' : asSource.reason).toContain('#5');
    expect(codeOf(canMerge(me, conv({ status: 'CLOSED', assigneeUserId: 'other' }), [conv()]))).toBe(
      'conversation_closed',
    );
    for (const status of ['WAITING', 'SOLVED'] as const) {
      expect(codeOf(canMerge(me, conv({ status }), [conv({ status })]))).toBe('ok');
    }
  });

  it('requires one known customer for all of them', () => {
    expect(codeOf(canMerge(supervisor, conv(), [conv({ customerId: 'c2' })]))).toBe('conflict');
    expect(codeOf(canMerge(supervisor, conv({ customerId: null }), [conv({ customerId: null })]))).toBe(
      'conflict',
    );
    expect(codeOf(canMerge(supervisor, conv(), [conv({ customerId: null })]))).toBe('conflict');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, chooseAgent, isEligible } from './assignment.policy.ts';

const agent = (userId: string, extra: Partial<Candidate> = {}): Candidate => ({
  userId,
  active: true,
  load: 0,
  capacity: 5,
  lastAssignedAt: null,
  ...extra,
});

describe('choosing an agent', () => {
  it('skips members who are not Active or are full', () => {
    const list = [agent('a', { active: false }), agent('b', { load: 5 }), agent('c', { load: 4 })];
    expect(chooseAgent(list, 'ROUND_ROBIN', null)).toBe('c');
    expect(chooseAgent([agent('a', { capacity: 0 })], 'LEAST_LOAD', null)).toBeNull();
  });

  it('round robin gives the turn to whoever waited longest since their last assignment', () => {
    const list = [
      agent('a', { lastAssignedAt: 30 }),
      agent('b', { lastAssignedAt: 10 }),
      agent('c', { lastAssignedAt: 20 }),
    ];
    expect(chooseAgent(list, 'ROUND_ROBIN', null)).toBe('b');
    expect(chooseAgent([...list, agent('d')], 'ROUND_ROBIN', null)).toBe('d');
  });

  it('least load takes the emptiest, ties by turn', () => {
    const list = [
      agent('a', { load: 2 }),
      agent('b', { load: 1, lastAssignedAt: 5 }),
      agent('c', { load: 1, lastAssignedAt: 3 }),
    ];
    expect(chooseAgent(list, 'LEAST_LOAD', null)).toBe('c');
  });

  it('prefers an eligible sticky agent, else falls back', () => {
    const list = [agent('a'), agent('b', { lastAssignedAt: 1 })];
    expect(chooseAgent(list, 'ROUND_ROBIN', 'b')).toBe('b');
    expect(chooseAgent([agent('a'), agent('b', { active: false })], 'ROUND_ROBIN', 'b')).toBe('a');
  });

  it('always returns an eligible member, or null exactly when none is', () => {
    const candidate = fc.record({
      userId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      active: fc.boolean(),
      load: fc.nat(6),
      capacity: fc.nat(6),
      lastAssignedAt: fc.option(fc.nat(100), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.userId, maxLength: 5 }),
        fc.constantFrom('ROUND_ROBIN' as const, 'LEAST_LOAD' as const),
        fc.option(fc.constantFrom('a', 'b', 'z'), { nil: null }),
        (list, algorithm, sticky) => {
          const chosen = chooseAgent(list, algorithm, sticky);
          const eligible = list.filter(isEligible);
          if (eligible.length === 0) {
            expect(chosen).toBeNull();
            return;
          }
          const pick = eligible.find((c) => c.userId === chosen);
          expect(pick).toBeDefined();
          if (algorithm === 'LEAST_LOAD' && !eligible.some((c) => c.userId === sticky)) {
            expect(pick?.load).toBe(Math.min(...eligible.map((c) => c.load)));
          }
        },
      ),
    );
  });

  it('round robin is fair: n agents over k·n assignments get k each', () => {
    const members = ['a', 'b', 'c', 'd'].map((id) => agent(id, { capacity: 100 }));
    const count = new Map<string, number>();
    for (let t = 1; t <= 40; t++) {
      const id = chooseAgent(members, 'ROUND_ROBIN', null);
      const m = members.find((x) => x.userId === id);
      if (!m || !id) throw new Error('nobody chosen');
      m.lastAssignedAt = t;
      m.load += 1;
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    expect([...count.values()]).toEqual([10, 10, 10, 10]);
  });
});

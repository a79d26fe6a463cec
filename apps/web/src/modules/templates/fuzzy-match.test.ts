import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzyMatch } from './fuzzy-match.ts';

const score = (q: string, t: string) => fuzzyMatch(q, t)?.score ?? Number.NEGATIVE_INFINITY;

describe('fuzzyMatch', () => {
  it('matches characters in order, ignoring case, accents and spaces in the query', () => {
    expect(fuzzyMatch('ordst', 'Order status')?.indices).toEqual([0, 1, 2, 6, 7]);
    expect(fuzzyMatch('ORDER STA', 'order status')).not.toBeNull();
    expect(fuzzyMatch('cafe', 'Café hours')?.indices).toEqual([0, 1, 2, 3]);
    expect(fuzzyMatch('sto', 'Order status')).toBeNull();
    expect(fuzzyMatch('xyz', 'Greeting')).toBeNull();
  });

  it('prefers word starts and runs over scattered letters', () => {
    expect(score('ref', 'Refund issued')).toBeGreaterThan(score('ref', 'Bill preferences'));
    expect(score('del', 'Delivery delayed')).toBeGreaterThan(score('del', 'Order shipped daily'));
    expect(score('greet', 'Greeting')).toBeGreaterThan(score('greet', 'Greeting for returning customers'));
  });

  it('gives an empty query an empty match', () => {
    expect(fuzzyMatch('  ', 'Anything')).toEqual({ score: 0, indices: [] });
  });

  it('finds every subsequence, with increasing in-range indices of the same letters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.array(fc.nat()), (target, picks) => {
        const chars = [...target];
        const chosen = [...new Set(picks.map((p) => p % chars.length))].sort((a, b) => a - b);
        const query = chosen.map((i) => chars[i]).join('');
        const match = fuzzyMatch(query, target);
        if (query.replace(/\s+/g, '') === '') return;
        expect(match).not.toBeNull();
        const indices = match?.indices ?? [];
        expect(indices.every((v, i) => i === 0 || v > (indices[i - 1] as number))).toBe(true);
        expect(indices.every((v) => v >= 0 && v < chars.length)).toBe(true);
      }),
    );
  });
});

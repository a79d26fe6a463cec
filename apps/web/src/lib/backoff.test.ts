import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('grows with each attempt and stops at the cap', () => {
    const max = () => 1;
    const delays = Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, max));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(delays[0]).toBeLessThan(delays[3] ?? 0);
    expect(delays.at(-1)).toBe(BACKOFF_CAP_MS);
  });

  it('keeps jitter between half and all of the step', () => {
    for (const attempt of [0, 3, 20]) {
      const low = backoffDelay(attempt, () => 0);
      const high = backoffDelay(attempt, () => 1);
      expect(low * 2).toBe(high);
      expect(high).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });
});

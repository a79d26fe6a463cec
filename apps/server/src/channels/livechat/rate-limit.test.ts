import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('admits `limit` calls per window and key, then refuses until the window ends', () => {
    let at = 1_000;
    const limiter = createRateLimiter({ limit: 3, windowMs: 10_000, now: () => at });
    expect([1, 2, 3].map(() => limiter.hit('a').ok)).toEqual([true, true, true]);
    expect(limiter.hit('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.hit('b').ok).toBe(true);
    at += 9_500;
    expect(limiter.hit('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    at += 500;
    expect(limiter.hit('a').ok).toBe(true);
  });

  it('keeps at most maxKeys keys, dropping ended windows first, then the oldest', () => {
    let at = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 2, now: () => at });
    limiter.hit('old');
    at = 2_000;
    limiter.hit('a');
    limiter.hit('b'); // 'old' ended: dropped to make room
    expect(limiter.hit('a').ok).toBe(false);
    limiter.hit('c'); // full of live windows: the oldest ('a') goes
    expect(limiter.hit('a').ok).toBe(true);
    expect(limiter.hit('c').ok).toBe(false);
  });
});

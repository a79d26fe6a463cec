export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one call for `key`; refused once `limit` calls were counted in the current window. */
  hit(key: string): RateDecision;
}

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Keys kept at most; beyond it ended windows are dropped, then the oldest ones. */
  maxKeys?: number;
  now?: () => number;
}

/**
 * A fixed-window counter per key, in this process's memory. Behind N Parley processes a client
 * spreading calls across all of them gets up to N× the limit; that is still a bound, and it costs
 * no database write on the visitor's hot path (see docs/live-chat.md).
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();

  function prune(at: number): void {
    for (const [key, w] of windows) if (at - w.start >= windowMs) windows.delete(key);
    // Map iteration follows insertion, so what is left first is the oldest.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    hit(key) {
      const at = now();
      let w = windows.get(key);
      if (!w || at - w.start >= windowMs) {
        if (!w && windows.size >= maxKeys) prune(at);
        w = { start: at, count: 0 };
        windows.delete(key);
        windows.set(key, w);
      }
      if (w.count >= limit)
        return { ok: false, retryAfterSeconds: Math.ceil((w.start + windowMs - at) / 1000) };
      w.count++;
      return { ok: true };
    },
  };
}

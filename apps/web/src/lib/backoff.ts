/** First reconnect delay and the ceiling, in milliseconds. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential growth capped at 30 s, with
 * "equal jitter" (half fixed, half random) so a server restart does not get every browser back
 * in the same instant, while the delay still never shrinks below half the exponential step.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

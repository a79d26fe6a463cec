import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createThrottle', () => {
  it('runs at once, then gathers a burst into one run at the end of the interval', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 1000);
    throttle.trigger();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(40);
      throttle.trigger();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never runs twice within the interval, however triggers are spread', () => {
    const times: number[] = [];
    const throttle = createThrottle(() => times.push(Date.now()), 1000);
    for (let i = 0; i < 100; i++) {
      throttle.trigger();
      vi.advanceTimersByTime(73);
    }
    vi.advanceTimersByTime(1000);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    expect(times.length).toBeGreaterThanOrEqual(7);
  });

  it('drops a pending run when cancelled', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 1000);
    throttle.trigger();
    throttle.trigger();
    throttle.cancel();
    vi.advanceTimersByTime(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

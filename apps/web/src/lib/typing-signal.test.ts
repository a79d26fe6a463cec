import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSignal } from './typing-signal.ts';

describe('createTypingSignal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says "typing" at most every 3 s while the text changes, "stopped" after 4 s of quiet', () => {
    const send = vi.fn(async (_typing: boolean) => {});
    const signal = createTypingSignal(send);
    signal.typed('H');
    signal.typed('He');
    vi.advanceTimersByTime(2_000);
    signal.typed('Hel');
    expect(send.mock.calls).toEqual([[true]]);
    vi.advanceTimersByTime(1_500);
    signal.typed('Hell');
    expect(send.mock.calls).toEqual([[true], [true]]);
    vi.advanceTimersByTime(4_000);
    expect(send.mock.calls).toEqual([[true], [true], [false]]);
    vi.advanceTimersByTime(10_000);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('stops when the text is emptied, silently when a sent message ended it, and only once', () => {
    const send = vi.fn(async (_typing: boolean) => {});
    const signal = createTypingSignal(send);
    signal.typed('Hi');
    signal.typed('');
    expect(send.mock.calls).toEqual([[true], [false]]);
    signal.typed('Hi again');
    signal.stop(false);
    signal.stop(true);
    vi.advanceTimersByTime(10_000);
    expect(send.mock.calls).toEqual([[true], [false], [true]]);
  });

  it('ignores a failed call: typing is only a hint', async () => {
    const signal = createTypingSignal(async () => {
      throw new Error('offline');
    });
    expect(() => signal.typed('x')).not.toThrow();
    await vi.runAllTimersAsync();
  });
});

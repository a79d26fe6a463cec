import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../platform/context.ts';
import type { EventBatchHandler } from '../../platform/events/types.ts';
import { registerDashboardLive } from './dashboard.live.ts';

describe('the live dashboard signal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes at once, then at most once per second', async () => {
    let handler: EventBatchHandler = () => {};
    const publish = vi.fn(async () => {});
    const ctx = {
      events: { onBatch: (_: unknown, h: EventBatchHandler) => (handler = h) },
      realtime: { publish },
    } as unknown as AppContext;
    registerDashboardLive(ctx, 1000);
    await handler([]);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish.mock.calls[0]).toEqual([
      { roles: ['supervisor'] },
      { type: 'dashboard.changed', payload: { at: expect.any(String) } },
    ]);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(50);
      await handler([]);
    }
    expect(publish).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600);
    expect(publish).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(publish).toHaveBeenCalledTimes(2);
    await handler([]);
    expect(publish).toHaveBeenCalledTimes(3);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectSocket } from './socket.ts';

/** A WebSocket double the test drives by hand. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

describe('connectSocket', () => {
  afterEach(() => {
    vi.useRealTimers();
    FakeSocket.instances = [];
  });

  it('delivers typed events to subscribers and ignores unknown messages', () => {
    const socket = connectSocket({
      url: 'ws://x',
      onReconnect: () => {},
      createWebSocket: () => new FakeSocket() as never,
    });
    const seen: string[] = [];
    socket.subscribe('user.availability_changed', (e) => seen.push(e.payload.availability));
    const ws = FakeSocket.instances[0];
    ws?.open();
    ws?.onmessage?.({ data: JSON.stringify({ type: 'pong' }) });
    ws?.onmessage?.({
      data: JSON.stringify({
        type: 'user.availability_changed',
        payload: { userId: '00000000-0000-4000-8000-000000000001', availability: 'AWAY', changedAt: 'x' },
      }),
    });
    expect(seen).toEqual(['AWAY']);
    socket.close();
  });

  it('reconnects after a drop and asks for a refetch, but not on the first open or after close()', () => {
    vi.useFakeTimers();
    const onReconnect = vi.fn();
    const socket = connectSocket({
      url: 'ws://x',
      onReconnect,
      createWebSocket: () => new FakeSocket() as never,
    });
    FakeSocket.instances[0]?.open();
    expect(onReconnect).not.toHaveBeenCalled();
    FakeSocket.instances[0]?.close();
    vi.advanceTimersByTime(30_000);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.instances[1]?.open();
    expect(onReconnect).toHaveBeenCalledTimes(1);
    socket.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(2);
  });
});

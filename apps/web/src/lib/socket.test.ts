import { SESSION_CHANGED_CLOSE_CODE } from '@parley/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectSocket } from './socket.ts';

/** A WebSocket double the test drives by hand. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1005) {
    this.readyState = 3;
    this.onclose?.({ code });
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

  it('checks the session when the server says it changed (4401) or a connection attempt fails', () => {
    vi.useFakeTimers();
    const checkSession = vi.fn(() => Promise.resolve());
    const socket = connectSocket({
      url: 'ws://x',
      onReconnect: () => {},
      checkSession,
      createWebSocket: () => new FakeSocket() as never,
    });
    FakeSocket.instances[0]?.open();
    // A plain drop (server restart) is not a reason to doubt the session.
    FakeSocket.instances[0]?.close(1001);
    expect(checkSession).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    FakeSocket.instances[1]?.open();
    FakeSocket.instances[1]?.close(SESSION_CHANGED_CLOSE_CODE);
    expect(checkSession).toHaveBeenCalledTimes(1);
    // The reconnect is refused before opening (a browser shows an HTTP 401 upgrade only as a close).
    vi.advanceTimersByTime(30_000);
    FakeSocket.instances[2]?.close(1006);
    expect(checkSession).toHaveBeenCalledTimes(2);
    socket.close();
  });

  it('keeps reconnecting when the session check itself fails (server down)', async () => {
    vi.useFakeTimers();
    const checkSession = vi.fn(() => Promise.reject(new Error('network')));
    const socket = connectSocket({
      url: 'ws://x',
      onReconnect: () => {},
      checkSession,
      createWebSocket: () => new FakeSocket() as never,
    });
    FakeSocket.instances[0]?.close(1006);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(checkSession).toHaveBeenCalledTimes(1);
    expect(FakeSocket.instances).toHaveLength(2);
    socket.close();
  });
});

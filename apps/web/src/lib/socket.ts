import {
  HEARTBEAT_SECONDS,
  RealtimeEvent,
  type RealtimeEventType,
  SESSION_CHANGED_CLOSE_CODE,
} from '@parley/contracts';
import { backoffDelay } from './backoff.ts';

type EventOf<T extends RealtimeEventType> = Extract<RealtimeEvent, { type: T }>;
type Handler<T extends RealtimeEventType> = (event: EventOf<T>) => void;

export type SocketStatus = 'connecting' | 'open' | 'closed';

export interface RealtimeSocket {
  /** Listens for one event type; returns the unsubscribe function. */
  subscribe<T extends RealtimeEventType>(type: T, handler: Handler<T>): () => void;
  /** Closes the socket for good (sign-out). */
  close(): void;
}

export interface SocketOptions {
  url: string;
  /** Called on every open after the first: events may have been missed, so refetch what is shown. */
  onReconnect: () => void;
  onStatus?: (status: SocketStatus) => void;
  /**
   * Asks the server whether the session still holds (`GET /api/auth/session`). Called when the server
   * closed the socket because the session changed (4401) and when a connection attempt failed: a
   * browser hides the upgrade's HTTP 401, so this is how a revoked session is noticed and the app
   * signs out (the API client's 401 handler) instead of reconnecting forever.
   */
  checkSession?: () => Promise<unknown>;
  createWebSocket?: (url: string) => WebSocket;
}

// The server sends a heartbeat every HEARTBEAT_SECONDS; two missed ones mean the link is dead
// even if the browser has not noticed (laptop sleep, proxy dropping idle connections).
const WATCHDOG_MS = HEARTBEAT_SECONDS * 2 * 1000;

export function socketUrl(path = '/api/ws'): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${path}`;
}

/** One WebSocket to `/api/ws` that reconnects with capped, jittered backoff until closed. */
export function connectSocket(options: SocketOptions): RealtimeSocket {
  const create = options.createWebSocket ?? ((url: string) => new WebSocket(url));
  const handlers = new Map<RealtimeEventType, Set<(event: RealtimeEvent) => void>>();
  let ws: WebSocket | null = null;
  let attempt = 0;
  let hasOpened = false;
  let stopped = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let watchdogTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const armWatchdog = () => {
    clearTimeout(watchdogTimer);
    watchdogTimer = setTimeout(() => ws?.close(4000, 'heartbeat missed'), WATCHDOG_MS);
  };

  const clearTimers = () => {
    clearTimeout(watchdogTimer);
    clearInterval(pingTimer);
  };

  const dispatch = (raw: unknown) => {
    if (typeof raw !== 'string') return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    const parsed = RealtimeEvent.safeParse(data);
    if (!parsed.success) return; // heartbeats and event types this build does not know
    for (const handler of handlers.get(parsed.data.type) ?? []) handler(parsed.data);
  };

  const open = () => {
    if (stopped) return;
    options.onStatus?.('connecting');
    const socket = create(options.url);
    ws = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      attempt = 0;
      options.onStatus?.('open');
      armWatchdog();
      // Our pings make the server answer, so the watchdog also hears a quiet but healthy link.
      pingTimer = setInterval(() => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
      }, HEARTBEAT_SECONDS * 1000);
      if (hasOpened) options.onReconnect();
      hasOpened = true;
    };
    socket.onmessage = (message) => {
      armWatchdog();
      dispatch(message.data);
    };
    socket.onclose = (event) => {
      clearTimers();
      if (ws === socket) ws = null;
      if (stopped) return;
      options.onStatus?.('closed');
      if (!opened || event.code === SESSION_CHANGED_CLOSE_CODE) {
        // A network error here is the server being down: the reconnect below keeps trying.
        options.checkSession?.().catch(() => {});
      }
      reconnectTimer = setTimeout(open, backoffDelay(attempt));
      attempt += 1;
    };
    // Errors are always followed by close, which schedules the reconnect.
    socket.onerror = () => {};
  };

  open();

  return {
    subscribe(type, handler) {
      let set = handlers.get(type);
      if (!set) {
        set = new Set();
        handlers.set(type, set);
      }
      const entry = handler as (event: RealtimeEvent) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    close() {
      stopped = true;
      clearTimeout(reconnectTimer);
      clearTimers();
      ws?.close(1000, 'signed out');
      ws = null;
    },
  };
}

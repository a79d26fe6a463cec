import type { WidgetServerEvent } from '@parley/contracts';
import { backoffDelay } from '../lib/backoff.ts';

/**
 * Browsers hide the server's ping frames from scripts, so the widget pings every heartbeat
 * (HEARTBEAT_SECONDS) and treats two intervals without any message as a dead link.
 */
const PING_MS = 20_000;
const WATCHDOG_MS = 2 * PING_MS;
/** Close code of a rejected token (VISITOR_TOKEN_REJECTED_CLOSE_CODE). */
const TOKEN_REJECTED = 4401;

export interface VisitorSocketOptions {
  url: string;
  token: string;
  /** Authenticated: fetch what was missed since the last message shown. */
  onReady: () => void;
  onEvent: (event: WidgetServerEvent) => void;
  onStatus: (connected: boolean) => void;
  /** The server no longer knows the token (session gone): start over. */
  onRejected: () => void;
}

/**
 * The visitor's live socket: authenticates with the token as its first message (never in the URL,
 * where logs would keep it), reconnects with capped, jittered backoff, and reconnects when the
 * server's heartbeat stops.
 */
export function connectVisitorSocket(options: VisitorSocketOptions): { close(): void } {
  let ws: WebSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let pinger: ReturnType<typeof setInterval> | undefined;

  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => ws?.close(4000, 'heartbeat missed'), WATCHDOG_MS);
  };

  const open = () => {
    if (stopped) return;
    const socket = new WebSocket(options.url);
    ws = socket;
    socket.onopen = () => {
      arm();
      socket.send(JSON.stringify({ type: 'auth', token: options.token }));
      clearInterval(pinger);
      pinger = setInterval(() => socket.send(JSON.stringify({ type: 'ping' })), PING_MS);
    };
    socket.onmessage = (message) => {
      arm();
      let event: WidgetServerEvent;
      try {
        event = JSON.parse(String(message.data)) as WidgetServerEvent;
      } catch {
        return;
      }
      if (event.type === 'ready') {
        attempt = 0;
        options.onStatus(true);
        options.onReady();
        return;
      }
      options.onEvent(event);
    };
    socket.onclose = (close) => {
      clearTimeout(watchdog);
      clearInterval(pinger);
      if (ws === socket) ws = null;
      options.onStatus(false);
      if (stopped) return;
      if (close.code === TOKEN_REJECTED) {
        options.onRejected();
        return;
      }
      retryTimer = setTimeout(open, backoffDelay(attempt++));
    };
  };

  // Back online or back to the tab: try at once instead of waiting out the backoff.
  const nudge = () => {
    if (stopped || ws || document.visibilityState === 'hidden') return;
    clearTimeout(retryTimer);
    open();
  };
  window.addEventListener('online', nudge);
  document.addEventListener('visibilitychange', nudge);
  open();

  return {
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(watchdog);
      clearInterval(pinger);
      window.removeEventListener('online', nudge);
      document.removeEventListener('visibilitychange', nudge);
      ws?.close(1000, 'closed');
    },
  };
}

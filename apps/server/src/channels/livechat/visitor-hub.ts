import {
  HEARTBEAT_SECONDS,
  VISITOR_TOKEN_REJECTED_CLOSE_CODE,
  WidgetClientMessage,
  type WidgetServerEvent,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../platform/context.ts';
import { visitorOfToken } from './visitor-sessions.service.ts';
import type { Widget } from './widgets.ts';

/** Bus topic of pushes to visitors' sockets (every process delivers to the sockets it holds). */
const TOPIC = 'livechat.visitor';
/** A socket must send its token this soon after opening. */
const AUTH_TIMEOUT_MS = 10_000;
const GOING_AWAY = 1001;
const POLICY_VIOLATION = 1008;

interface VisitorPush {
  visitorId: string;
  event: WidgetServerEvent;
}

export interface VisitorHub {
  /** Sends the event to every open socket of the visitor, on whichever process holds it (best effort). */
  push(visitorId: string, event: WidgetServerEvent): Promise<void>;
  /** Takes over an upgraded socket of `widget`: token first, then pushes until it closes. */
  accept(socket: WebSocket, widget: Widget): void;
}

/**
 * The visitors' live sockets. Pushes travel over the realtime bus (Redis when scaled out), so an
 * agent's reply sent by any process reaches the visitor wherever their socket is. Delivery is at
 * most once per socket; the widget fetches what it missed after every (re)connect.
 */
export function createVisitorHub(app: FastifyInstance, ctx: AppContext): VisitorHub {
  const byVisitor = new Map<string, Set<WebSocket>>();
  const all = new Set<WebSocket>();
  const alive = new WeakMap<WebSocket, boolean>();

  ctx.realtime.onBroadcast(TOPIC, (data) => {
    const { visitorId, event } = data as VisitorPush;
    const text = JSON.stringify(event);
    for (const socket of byVisitor.get(visitorId) ?? []) {
      if (socket.readyState === socket.OPEN) socket.send(text);
    }
  });

  const heartbeat = setInterval(() => {
    for (const socket of all) {
      if (!alive.get(socket)) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, HEARTBEAT_SECONDS * 1000);
  heartbeat.unref();

  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    for (const socket of all) socket.close(GOING_AWAY, 'server shutting down');
  });

  function send(socket: WebSocket, event: WidgetServerEvent): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  }

  async function authenticate(socket: WebSocket, widget: Widget, token: string): Promise<string | null> {
    const visitor = await visitorOfToken(ctx.db.orm, widget.connectionId, token);
    if (!visitor) {
      socket.close(VISITOR_TOKEN_REJECTED_CLOSE_CODE, 'unknown visitor token');
      return null;
    }
    const sockets = byVisitor.get(visitor.id) ?? new Set<WebSocket>();
    sockets.add(socket);
    byVisitor.set(visitor.id, sockets);
    send(socket, { type: 'ready' });
    return visitor.id;
  }

  return {
    push: (visitorId, event) => ctx.realtime.broadcast(TOPIC, { visitorId, event } satisfies VisitorPush),

    accept(socket, widget) {
      let visitorId: string | null = null;
      let authenticating = false;
      all.add(socket);
      alive.set(socket, true);
      const timeout = setTimeout(() => {
        if (!visitorId) socket.close(POLICY_VIOLATION, 'no token');
      }, AUTH_TIMEOUT_MS);
      socket.on('pong', () => alive.set(socket, true));
      socket.on('message', (raw) => {
        alive.set(socket, true);
        let message: WidgetClientMessage;
        try {
          message = WidgetClientMessage.parse(JSON.parse(String(raw)));
        } catch {
          return;
        }
        if (message.type === 'ping') return send(socket, { type: 'pong' });
        if (visitorId || authenticating) return;
        authenticating = true;
        authenticate(socket, widget, message.token).then(
          (id) => {
            visitorId = id;
            // Closed while the token was checked: the close handler ran before the id was known.
            if (id && socket.readyState !== socket.OPEN) byVisitor.get(id)?.delete(socket);
          },
          (err: unknown) => {
            ctx.logger.error({ err }, 'visitor socket authentication failed');
            socket.close(1011, 'server error');
          },
        );
      });
      socket.on('close', () => {
        clearTimeout(timeout);
        all.delete(socket);
        if (!visitorId) return;
        const sockets = byVisitor.get(visitorId);
        sockets?.delete(socket);
        if (sockets?.size === 0) byVisitor.delete(visitorId);
      });
    },
  };
}

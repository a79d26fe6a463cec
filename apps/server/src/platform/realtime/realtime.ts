import websocket from '@fastify/websocket';
import {
  HEARTBEAT_SECONDS,
  RealtimeClientMessage,
  type RealtimeEvent,
  type RealtimePong,
  type Role,
  SESSION_CHANGED_CLOSE_CODE,
} from '@parley/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Gauge, register } from 'prom-client';
import type { WebSocket } from 'ws';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { currentUser } from '../http/access.ts';
import { type Bus, type BusMessage, createLocalBus, createRedisBus } from './bus.ts';
import { createPresence } from './presence.ts';
import type { Audience, DisconnectTarget, RealtimeServer } from './types.ts';

/** Close code telling clients the server is going away and they should reconnect (RFC 6455). */
const GOING_AWAY = 1001;
const MAX_CLIENT_MESSAGE_BYTES = 4096;
const CLOSE_HANDSHAKE_MS = 3000;

const connectionsGauge =
  (register.getSingleMetric('parley_ws_connections') as Gauge | undefined) ??
  new Gauge({ name: 'parley_ws_connections', help: 'Open WebSocket connections on this process' });

interface Connection {
  id: string;
  userId: string;
  /** The session that opened the socket, so revoking it closes the socket (disconnect()). */
  sessionId: string;
  roles: Role[];
  socket: WebSocket;
  alive: boolean;
}

export interface RealtimeOptions {
  /** Test hooks: shorter socket and presence heartbeats. */
  heartbeatMs?: number;
  presenceHeartbeatMs?: number;
}

function isAudience(connection: Connection, audience: Audience): boolean {
  if (audience.userIds?.includes(connection.userId)) return true;
  return audience.roles?.some((role) => connection.roles.includes(role)) ?? false;
}

function isTarget(connection: Connection, target: DisconnectTarget): boolean {
  return (
    (target.userIds?.includes(connection.userId) ?? false) ||
    (target.sessionIds?.includes(connection.sessionId) ?? false)
  );
}

/** Close reasons are limited to 123 bytes by RFC 6455. */
const MAX_CLOSE_REASON_CHARS = 60;

/** Rejects cross-site WebSocket hijacking: a browser always sends Origin, and it must be this host. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('forbidden', 403, 'Bad Origin header');
  }
  if (host !== request.host) throw new AppError('forbidden', 403, 'Cross-origin WebSocket refused');
}

/** WebSocket push to browsers (`GET /api/ws`), presence, and the cross-process bus. See docs/realtime.md. */
export async function createRealtime(
  app: FastifyInstance,
  config: Config,
  db: Db,
  logger: Logger,
  options: RealtimeOptions = {},
): Promise<RealtimeServer> {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_SECONDS * 1000;
  const connections = new Map<string, Connection>();
  const listeners: ((userId: string, openHere: number) => void)[] = [];
  const topicListeners = new Map<string, ((data: unknown) => void)[]>();
  const presence = createPresence(db, logger, options.presenceHeartbeatMs);
  const pending = new Set<Promise<unknown>>();
  let closing = false;

  function deliver(message: BusMessage): void {
    if ('topic' in message) {
      for (const listener of topicListeners.get(message.topic) ?? []) {
        try {
          listener(message.data);
        } catch (err) {
          logger.error({ err, topic: message.topic }, 'realtime broadcast listener failed');
        }
      }
      return;
    }
    if ('disconnect' in message) {
      const reason = message.reason.slice(0, MAX_CLOSE_REASON_CHARS);
      for (const connection of connections.values()) {
        if (isTarget(connection, message.disconnect))
          connection.socket.close(SESSION_CHANGED_CLOSE_CODE, reason);
      }
      return;
    }
    const data = JSON.stringify(message.event);
    for (const connection of connections.values()) {
      if (
        isAudience(connection, message.audience) &&
        connection.socket.readyState === connection.socket.OPEN
      ) {
        connection.socket.send(data);
      }
    }
  }

  const bus: Bus = config.REDIS_URL
    ? await createRedisBus(config.REDIS_URL, logger, deliver)
    : createLocalBus(deliver);

  function openHere(userId: string): number {
    let n = 0;
    for (const c of connections.values()) if (c.userId === userId) n++;
    return n;
  }

  function notify(userId: string): void {
    const count = openHere(userId);
    for (const listener of listeners) {
      try {
        listener(userId, count);
      } catch (err) {
        logger.error({ err }, 'realtime connection listener failed');
      }
    }
  }

  function trackDb(p: Promise<unknown>): void {
    const tracked = p.catch((err) => logger.error({ err }, 'presence update failed'));
    pending.add(tracked);
    tracked.finally(() => pending.delete(tracked));
  }

  const heartbeat = setInterval(() => {
    for (const c of connections.values()) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  function send(socket: WebSocket, event: RealtimeEvent): void {
    socket.send(JSON.stringify(event));
  }

  async function accept(socket: WebSocket, request: FastifyRequest): Promise<void> {
    const user = currentUser(request);
    const connection: Connection = {
      id: crypto.randomUUID(),
      userId: user.userId,
      sessionId: user.sessionId,
      roles: user.roles,
      socket,
      alive: true,
    };
    connections.set(connection.id, connection);
    connectionsGauge.inc();
    const added = presence.add(connection.id, connection.userId);
    trackDb(added);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (raw) => {
      connection.alive = true;
      let parsed: ReturnType<typeof RealtimeClientMessage.safeParse>;
      try {
        parsed = RealtimeClientMessage.safeParse(JSON.parse(String(raw)));
      } catch {
        return;
      }
      if (parsed.success && parsed.data.type === 'ping')
        socket.send(JSON.stringify({ type: 'pong' } satisfies RealtimePong));
    });
    socket.on('close', () => {
      connections.delete(connection.id);
      connectionsGauge.dec();
      // On shutdown the process row is deleted instead, with every connection row of it.
      if (!closing) trackDb(added.then(() => presence.remove(connection.id)));
      notify(connection.userId);
    });
    notify(connection.userId);
    // Ready only once presence is recorded, so isUserConnected() agrees with what the client sees.
    await added.catch((err) => logger.error({ err }, 'presence update failed'));
    if (socket.readyState === socket.OPEN) {
      send(socket, { type: 'session.ready', payload: { userId: connection.userId } });
    }
  }

  /**
   * Closes every socket with 1001 and waits for the close handshakes, so connection listeners (the
   * offline grace period schedules a job) run while jobs are still up; stragglers are cut after a bound.
   */
  async function closeSockets(): Promise<void> {
    const open = [...connections.values()].map((c) => c.socket);
    const done = open.map((socket) =>
      socket.readyState === socket.CLOSED
        ? Promise.resolve()
        : new Promise<void>((resolve) => socket.once('close', () => resolve())),
    );
    for (const socket of open) socket.close(GOING_AWAY, 'server shutting down');
    const cut = setTimeout(() => {
      for (const socket of open) socket.terminate();
    }, CLOSE_HANDSHAKE_MS);
    await Promise.all(done);
    clearTimeout(cut);
  }

  // Runs before the websocket plugin's own preClose, which would close sockets with code 1000.
  app.addHook('preClose', async () => {
    closing = true;
    await closeSockets();
  });
  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });
  app.addHook('onReady', () => presence.start());

  return {
    async registerRoutes() {
      // The access hook already authenticated the upgrade request (access 'user'): request.principal is set.
      app.get(
        '/api/ws',
        {
          websocket: true,
          config: { access: 'user' },
          preValidation: async (request) => checkOrigin(request),
        },
        (socket, request) => accept(socket, request),
      );
    },

    async publish(audience, event) {
      try {
        await bus.publish({ audience, event });
      } catch (err) {
        logger.error({ err, eventType: event.type }, 'realtime event lost: the bus is unavailable');
      }
    },

    async disconnect(target, reason) {
      await bus.publish({ disconnect: target, reason });
    },

    async broadcast(topic, data) {
      try {
        await bus.publish({ topic, data });
      } catch (err) {
        logger.error({ err, topic }, 'realtime broadcast lost: the bus is unavailable');
      }
    },

    onBroadcast(topic, listener) {
      topicListeners.set(topic, [...(topicListeners.get(topic) ?? []), listener]);
    },

    onConnectionChange(listener) {
      listeners.push(listener);
    },

    isUserConnected: (userId) => presence.isUserConnected(userId),

    async close() {
      closing = true;
      clearInterval(heartbeat);
      await closeSockets();
      await bus.close();
      await Promise.allSettled([...pending]);
      await presence.stop().catch((err) => logger.error({ err }, 'could not remove presence rows'));
    },
  };
}

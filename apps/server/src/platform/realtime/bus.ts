import type { RealtimeEvent } from '@parley/contracts';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { Audience, DisconnectTarget } from './types.ts';

const CHANNEL = 'parley:realtime';
/** A publish that Redis has not acknowledged by then is failed, never left hanging. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * What travels between processes: an event for an audience, an order to close matching sockets, or
 * data on a topic for the listeners a module registered (the live-chat visitors' sockets).
 */
export type BusMessage =
  | { audience: Audience; event: RealtimeEvent }
  | { disconnect: DisconnectTarget; reason: string }
  | { topic: string; data: unknown };

/** Carries messages to every process's local sockets: in-process alone, Redis pub/sub when scaled out. */
export interface Bus {
  /** Rejects (without waiting for a reconnect) when the message could not be handed over. */
  publish(message: BusMessage): Promise<void>;
  close(): Promise<void>;
}

export function createLocalBus(deliver: (message: BusMessage) => void): Bus {
  return {
    async publish(message) {
      deliver(message);
    },
    async close() {},
  };
}

/** Redis pub/sub; the process hears its own messages through the subscription like every other. */
export async function createRedisBus(
  url: string,
  logger: Logger,
  deliver: (message: BusMessage) => void,
  options: { commandTimeoutMs?: number } = {},
): Promise<Bus> {
  // While Redis is unreachable a publish fails at once instead of queueing until it returns: the
  // live push is lost (clients refetch on reconnect) but nothing waits on it.
  const publisherOptions: RedisOptions = {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
  };
  const publisher = new Redis(url, publisherOptions);
  // A subscribed connection can issue no other commands, hence a second one; ioredis re-subscribes on reconnect.
  const subscriber = new Redis(url, { lazyConnect: true });
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (err) => logger.error({ err, client: name }, 'redis error'));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      deliver(JSON.parse(raw) as BusMessage);
    } catch (err) {
      logger.error({ err }, 'bad realtime message on redis');
    }
  });
  await subscriber.subscribe(CHANNEL);
  return {
    async publish(message) {
      try {
        await publisher.publish(CHANNEL, JSON.stringify(message));
      } catch (err) {
        logger.error({ err }, 'realtime publish to redis failed');
        throw err;
      }
    },
    async close() {
      // disconnect(), not quit(): quit would wait for a Redis that may be gone.
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

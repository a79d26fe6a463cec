import type { RealtimeEvent } from '@parley/contracts';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Audience } from './types.ts';

const CHANNEL = 'parley:realtime';

export interface BusMessage {
  audience: Audience;
  event: RealtimeEvent;
}

/** Carries published events to every process's local sockets: in-process alone, Redis pub/sub when scaled out. */
export interface Bus {
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
): Promise<Bus> {
  const publisher = new Redis(url, { lazyConnect: true });
  // A subscribed connection can issue no other commands, hence a second one.
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
      await publisher.publish(CHANNEL, JSON.stringify(message));
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

import net from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bus, type BusMessage, createRedisBus } from './bus.ts';

const logger = pino({ level: 'silent' });
const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const message: BusMessage = { disconnect: { userIds: [crypto.randomUUID()] }, reason: 'test' };

/** A TCP proxy in front of Redis that the test can black-hole or shut, to play an outage. */
async function startProxy() {
  const sockets = new Set<net.Socket>();
  let blackHole = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(redis.port || 6379), redis.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (chunk) => {
      if (!blackHole) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${address.port}`,
    /** Redis stops answering but the connection stays up (a hung server, a dead NAT entry). */
    blackHole: () => {
      blackHole = true;
    },
    /** Redis is gone: connections drop and reconnects are refused. */
    shut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

describe('redis bus while Redis is unavailable', () => {
  let bus: Bus | undefined;
  afterEach(async () => {
    await bus?.close();
  });

  it('fails a publish when Redis stops answering, instead of waiting for it', async () => {
    const proxy = await startProxy();
    bus = await createRedisBus(proxy.url, logger, () => {}, { commandTimeoutMs: 100 });
    await bus.publish(message);
    proxy.blackHole();
    await expect(bus.publish(message)).rejects.toThrow(/timed out/i);
    await proxy.shut();
  });

  it('fails a publish at once when Redis is down, instead of queueing it until Redis returns', async () => {
    const proxy = await startProxy();
    bus = await createRedisBus(proxy.url, logger, () => {});
    await proxy.shut();
    await expect(bus.publish(message)).rejects.toThrow();
  });
});

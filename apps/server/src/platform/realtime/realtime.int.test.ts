import { type RealtimeEvent, type Role, SESSION_CHANGED_CLOSE_CODE } from '@parley/contracts';
import fastify from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDb } from '../../../test/db.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { installAccessControl, type Principal } from '../http/access.ts';
import { installErrorHandler } from '../http/error-handler.ts';
import { createRealtime } from './realtime.ts';
import type { RealtimeServer } from './types.ts';

const logger = pino({ level: 'silent' });
const ALICE = crypto.randomUUID();
const BOB = crypto.randomUUID();
const users: Record<string, Role[]> = { [ALICE]: ['agent'], [BOB]: ['supervisor'] };

/** A Parley-like app whose "session" is the x-test-user header, so realtime is tested without the users module. */
async function startNode(db: Db, env: Record<string, string> = {}) {
  const app = fastify();
  installErrorHandler(app);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...env });
  const realtime = await createRealtime(app, config, db, logger, { heartbeatMs: 200 });
  const authenticate = async (request: { headers: Record<string, unknown> }): Promise<Principal | null> => {
    const id = request.headers['x-test-user'];
    if (typeof id !== 'string' || !users[id]) return null;
    const session = request.headers['x-test-session'];
    const sessionId = typeof session === 'string' ? session : id;
    return { kind: 'user', userId: id, roles: users[id], sessionId, csrfToken: 'x' };
  };
  installAccessControl(app, authenticate);
  await realtime.registerRoutes();
  app.addHook('onClose', () => realtime.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, realtime, url: `ws://127.0.0.1:${port}/api/ws` };
}

interface Client {
  ws: WebSocket;
  events: unknown[];
  next(predicate: (m: { type: string }) => boolean): Promise<RealtimeEvent>;
}

function connect(url: string, headers: Record<string, string>, autoPong = true): Promise<Client> {
  const ws = new WebSocket(url, { headers, autoPong });
  const events: unknown[] = [];
  const waiters: { predicate: (m: { type: string }) => boolean; resolve: (m: RealtimeEvent) => void }[] = [];
  ws.on('message', (raw) => {
    const message = JSON.parse(String(raw));
    events.push(message);
    for (const w of waiters.splice(0)) {
      if (w.predicate(message)) w.resolve(message);
      else waiters.push(w);
    }
  });
  const client: Client = {
    ws,
    events,
    next: (predicate) =>
      new Promise((resolve) => {
        const seen = events.find((m) => predicate(m as { type: string }));
        if (seen) resolve(seen as RealtimeEvent);
        else waiters.push({ predicate, resolve });
      }),
  };
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
    client.next((m) => m.type === 'session.ready').then(() => resolve(client));
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('realtime', () => {
  let db: Db;
  let node: Awaited<ReturnType<typeof startNode>>;
  let realtime: RealtimeServer;
  beforeAll(async () => {
    db = await createTestDb();
    node = await startNode(db);
    realtime = node.realtime;
  });
  afterAll(async () => {
    await node.app.close();
  });

  it('refuses anonymous and cross-origin upgrades', async () => {
    await expect(connect(node.url, {})).rejects.toThrow('HTTP 401');
    await expect(connect(node.url, { 'x-test-user': ALICE, origin: 'https://evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
    const sameOrigin = await connect(node.url, {
      'x-test-user': ALICE,
      origin: node.url.replace('ws:', 'http:'),
    });
    sameOrigin.ws.close();
    await closed(sameOrigin.ws);
  });

  it('says session.ready, answers pings, tracks presence and delivers by user and role', async () => {
    const changes: [string, number][] = [];
    realtime.onConnectionChange((userId, openHere) => changes.push([userId, openHere]));
    const alice = await connect(node.url, { 'x-test-user': ALICE });
    expect(alice.events[0]).toEqual({ type: 'session.ready', payload: { userId: ALICE } });
    expect(await realtime.isUserConnected(ALICE)).toBe(true);
    expect(await realtime.isUserConnected(BOB)).toBe(false);

    alice.ws.send(JSON.stringify({ type: 'ping' }));
    await alice.next((m) => m.type === 'pong');

    const bob = await connect(node.url, { 'x-test-user': BOB });
    const event: RealtimeEvent = {
      type: 'user.availability_changed',
      payload: { userId: ALICE, availability: 'BUSY', changedAt: new Date().toISOString() },
    };
    await realtime.publish({ roles: ['supervisor'] }, event);
    await realtime.publish({ userIds: [ALICE] }, event);
    expect(await bob.next((m) => m.type === event.type)).toEqual(event);
    expect(await alice.next((m) => m.type === event.type)).toEqual(event);
    // Each socket got the event exactly once: alice only through her user id, bob only through his role.
    await alice.next((m) => m.type === 'pong');
    expect(alice.events.filter((m) => (m as { type: string }).type === event.type)).toHaveLength(1);
    expect(bob.events.filter((m) => (m as { type: string }).type === event.type)).toHaveLength(1);

    alice.ws.close();
    await closed(alice.ws);
    await expect.poll(() => realtime.isUserConnected(ALICE)).toBe(false);
    expect(changes).toContainEqual([ALICE, 1]);
    expect(changes).toContainEqual([ALICE, 0]);
    bob.ws.close();
    await closed(bob.ws);
  });

  it('disconnect() closes the sockets of a session or a user with 4401, and no others', async () => {
    const session = crypto.randomUUID();
    const revoked = await connect(node.url, { 'x-test-user': ALICE, 'x-test-session': session });
    const otherSession = await connect(node.url, { 'x-test-user': ALICE });
    const bob = await connect(node.url, { 'x-test-user': BOB });
    const revokedCode = closed(revoked.ws);
    await realtime.disconnect({ sessionIds: [session] }, 'logout');
    expect(await revokedCode).toBe(SESSION_CHANGED_CLOSE_CODE);
    expect(otherSession.ws.readyState).toBe(WebSocket.OPEN);
    const userCode = closed(otherSession.ws);
    await realtime.disconnect({ userIds: [ALICE] }, 'disabled');
    expect(await userCode).toBe(SESSION_CHANGED_CLOSE_CODE);
    expect(bob.ws.readyState).toBe(WebSocket.OPEN);
    bob.ws.close();
    await closed(bob.ws);
  });

  it('drops a socket that stops answering pings', async () => {
    const alice = await connect(node.url, { 'x-test-user': ALICE }, false);
    const code = await closed(alice.ws);
    expect(code).toBe(1006);
  });

  it('delivers events and disconnects across processes through Redis and closes sockets with 1001', async () => {
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
    const a = await startNode(db, env);
    const b = await startNode(db, env);
    try {
      const bob = await connect(b.url, { 'x-test-user': BOB });
      expect(await a.realtime.isUserConnected(BOB)).toBe(true);
      const event: RealtimeEvent = {
        type: 'user.availability_changed',
        payload: { userId: BOB, availability: 'AWAY', changedAt: new Date().toISOString() },
      };
      await a.realtime.publish({ userIds: [BOB] }, event);
      expect(await bob.next((m) => m.type === event.type)).toEqual(event);
      const alice = await connect(b.url, { 'x-test-user': ALICE });
      const aliceCode = closed(alice.ws);
      await a.realtime.disconnect({ userIds: [ALICE] }, 'roles_changed');
      expect(await aliceCode).toBe(SESSION_CHANGED_CLOSE_CODE);
      const code = closed(bob.ws);
      await b.app.close();
      expect(await code).toBe(1001);
      expect(await a.realtime.isUserConnected(BOB)).toBe(false);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });
});

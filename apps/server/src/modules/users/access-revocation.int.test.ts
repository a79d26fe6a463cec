import { SESSION_CHANGED_CLOSE_CODE } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { Db } from '../../platform/db/client.ts';
import { insertTestUser, PASSWORD, signedInUser, signIn, type TestSession } from './test-helpers.ts';

let app: App;
let db: Db;
let admin: TestSession;
let wsUrl: string;

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  admin = await signedInUser(app, db, ['admin']);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  wsUrl = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/ws`;
});
afterAll(async () => {
  await app.close();
});

/** Opens the user's socket; resolves once the server said session.ready. */
function openSocket(session: TestSession): Promise<WebSocket> {
  const ws = new WebSocket(wsUrl, { headers: { cookie: session.cookie } });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (raw) => {
      if (JSON.parse(String(raw)).type === 'session.ready') resolve(ws);
    });
  });
}

const closeCode = (ws: WebSocket) =>
  new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

function patchUser(userId: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: `/api/users/${userId}`, headers: admin.headers, payload });
}

describe('sockets of users who lose access', () => {
  it('logout closes that session’s socket with 4401 and leaves the user’s other sessions open', async () => {
    const user = await insertTestUser(db, ['agent']);
    const laptop = await signIn(app, user.email);
    const phone = await signIn(app, user.email);
    const [laptopWs, phoneWs] = await Promise.all([openSocket(laptop), openSocket(phone)]);
    const closed = closeCode(laptopWs);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: laptop.headers });
    expect(res.statusCode).toBeLessThan(300);
    expect(await closed).toBe(SESSION_CHANGED_CLOSE_CODE);
    expect(phoneWs.readyState).toBe(WebSocket.OPEN);
    phoneWs.close();
    await closeCode(phoneWs);
  });

  it('disabling a user closes every socket of theirs with 4401', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const closed = closeCode(await openSocket(s));
    expect((await patchUser(s.user.id, { enabled: false })).statusCode).toBe(200);
    expect(await closed).toBe(SESSION_CHANGED_CLOSE_CODE);
    // The client's session check now answers 401, so it shows sign-in instead of reconnecting.
    const check = await app.inject({ method: 'GET', url: '/api/auth/session', headers: s.headers });
    expect(check.statusCode).toBe(401);
  });

  it('a role change closes the socket and the user can reconnect (with the new roles)', async () => {
    const s = await signedInUser(app, db, ['agent', 'supervisor']);
    const closed = closeCode(await openSocket(s));
    expect((await patchUser(s.user.id, { roles: ['agent'] })).statusCode).toBe(200);
    expect(await closed).toBe(SESSION_CHANGED_CLOSE_CODE);
    const again = await openSocket(s);
    again.close();
    await closeCode(again);
  });

  it('a renamed user keeps their socket', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const ws = await openSocket(s);
    const updated = new Promise((resolve) =>
      ws.on('message', (raw) => {
        if (JSON.parse(String(raw)).type === 'user.updated') resolve(true);
      }),
    );
    expect((await patchUser(s.user.id, { displayName: 'Renamed' })).statusCode).toBe(200);
    await updated;
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    await closeCode(ws);
  });

  it('a password reset closes the user’s sockets with 4401', async () => {
    const s = await signedInUser(app, db, ['agent']);
    const closed = closeCode(await openSocket(s));
    const res = await app.inject({
      method: 'POST',
      url: `/api/users/${s.user.id}/password`,
      headers: admin.headers,
      payload: { password: `${PASSWORD}!` },
    });
    expect(res.statusCode).toBeLessThan(300);
    expect(await closed).toBe(SESSION_CHANGED_CLOSE_CODE);
  });
});

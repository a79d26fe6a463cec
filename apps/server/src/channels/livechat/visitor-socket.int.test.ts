import { VISITOR_TOKEN_REJECTED_CLOSE_CODE, type WidgetServerEvent } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { signedInUser, type TestSession } from '../../modules/users/test-helpers.ts';
import type { Db } from '../../platform/db/client.ts';
import { eventually } from '../infobip/test-support.ts';
import { createWidget, SITE, startVisitor, visitorCall } from './test-support.ts';

// The visitor's live socket on a listening server: the token as first message, pushes of the
// visitor's own messages and the agent's replies and typing, refusals of origins and tokens.

let app: App;
let db: Db;
let supervisor: TestSession;
let widgetId: string;
let base: string;

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  const admin = await signedInUser(app, db, ['admin']);
  supervisor = await signedInUser(app, db, ['supervisor', 'agent']);
  ({ widgetId } = await createWidget(app, admin));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app.close();
});

interface Socket {
  ws: WebSocket;
  next(type: WidgetServerEvent['type']): Promise<WidgetServerEvent>;
  closed: Promise<number>;
}

function open(origin = SITE): Promise<Socket> {
  const ws = new WebSocket(`${base}/widget/1/${widgetId}/ws`, { headers: { origin } });
  const events: WidgetServerEvent[] = [];
  const waiting: { type: string; resolve: (e: WidgetServerEvent) => void }[] = [];
  ws.on('message', (raw) => {
    const event = JSON.parse(String(raw)) as WidgetServerEvent;
    const i = waiting.findIndex((w) => w.type === event.type);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(event);
    else events.push(event);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('open', () =>
      resolve({
        ws,
        closed,
        next: (type) =>
          new Promise((done) => {
            const i = events.findIndex((e) => e.type === type);
            if (i >= 0) done(events.splice(i, 1)[0] as WidgetServerEvent);
            else waiting.push({ type, resolve: done });
          }),
      }),
    );
  });
}

describe('visitor socket', () => {
  it("pushes the visitor's own message, then the agent typing and reply, after the token", async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    const socket = await open();
    socket.ws.send(JSON.stringify({ type: 'auth', token }));
    await socket.next('ready');

    const clientId = crypto.randomUUID();
    await visitorCall(app, widgetId, {
      method: 'POST',
      path: '/messages',
      token,
      payload: { clientId, text: 'Hi!' },
    });
    const own = await socket.next('message');
    expect(own).toMatchObject({ type: 'message', payload: { clientId, author: 'visitor', text: 'Hi!' } });

    const conversationId = await eventually(async () => {
      const { rows } = await db.pool.query<{ id: string }>(
        `select id from conversations where channel = 'LIVE_CHAT' and customer_address = $1`,
        [visitorId],
      );
      return rows[0]?.id;
    }, 'the conversation');
    const call = (url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers: supervisor.headers, payload: payload as object });
    await call(`/api/conversations/${conversationId}/typing`, { typing: true });
    expect(await socket.next('typing')).toEqual({ type: 'typing', payload: { typing: true } });
    await call(`/api/conversations/${conversationId}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Hello, Vera',
    });
    expect(await socket.next('message')).toMatchObject({ payload: { author: 'agent', text: 'Hello, Vera' } });

    socket.ws.send(JSON.stringify({ type: 'ping' }));
    expect(await socket.next('pong')).toEqual({ type: 'pong' });
    socket.ws.close();
  });

  it('closes with 4401 on an unknown token, and refuses the upgrade from another origin', async () => {
    const socket = await open();
    socket.ws.send(JSON.stringify({ type: 'auth', token: 'x'.repeat(43) }));
    expect(await socket.closed).toBe(VISITOR_TOKEN_REJECTED_CLOSE_CODE);
    await expect(open('https://evil.example')).rejects.toThrow('HTTP 403');
  });
});

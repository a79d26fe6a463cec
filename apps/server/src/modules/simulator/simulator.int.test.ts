import type { SimulatorConnectionList, SimulatorTranscript } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import {
  createTestConnection,
  eventually,
  type TestConnection,
} from '../../channels/infobip/test-support.ts';
import { SANDBOX_BASE_PATH } from '../../channels/sandbox/sandbox-address.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { createConnection } from '../channel-connections/channel-connections.service.ts';
import { sendAgentMessage } from '../messages/messages.service.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

let app: App;
let ctx: AppContext;
let db: Db;
let whatsapp: TestConnection;
let admin: TestSession;
let adminSupervisor: TestSession;
let supervisor: TestSession;
let agent: TestSession;
let supervisorId: string;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp({ SANDBOX_PROVIDER: 'true' }));
  // The send job reaches the sandbox over HTTP, as it reaches Infobip.
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  whatsapp = await createTestConnection(ctx, {
    channel: 'WHATSAPP',
    baseUrl: `${address}${SANDBOX_BASE_PATH}`,
    apiKey: 'simulator-key-0123456789',
  });
  admin = await signedInUser(app, db, ['admin']);
  adminSupervisor = await signedInUser(app, db, ['admin', 'supervisor']);
  supervisor = await signedInUser(app, db, ['agent', 'supervisor']);
  agent = await signedInUser(app, db, ['agent']);
  supervisorId = supervisor.user.id;
});
afterAll(async () => {
  await app.close();
});

const post = (session: TestSession | undefined, payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/simulator/messages',
    ...(session && { headers: session.headers }),
    payload: payload as Record<string, unknown>,
  });

const transcript = async (connectionId: string, customerAddress: string) => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/simulator/transcript?connectionId=${connectionId}&customerAddress=${encodeURIComponent(customerAddress)}`,
    headers: supervisor.headers,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as SimulatorTranscript;
};

const conversationOf = (channel: string, from: string) =>
  eventually(async () => {
    const { rows } = await db.pool.query<{ conversation_id: string }>(
      'select conversation_id from messages where channel = $1 and from_address = $2',
      [channel, from],
    );
    return rows[0]?.conversation_id;
  }, 'the simulated message as a conversation');

describe('customer simulator routes', () => {
  it('refuses anonymous callers (401), agents and admin-only users (403)', async () => {
    for (const session of [agent, admin]) {
      for (const url of [
        '/api/simulator/connections',
        `/api/simulator/transcript?connectionId=${whatsapp.id}&customerAddress=385911110000`,
      ]) {
        expect((await app.inject({ method: 'GET', url, headers: session.headers })).statusCode).toBe(403);
      }
    }
    expect(
      (await post(admin, { connectionId: whatsapp.id, customerAddress: '385911110000', text: 'Hi' }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/simulator/connections' })).statusCode).toBe(401);
    const asAgent = await app.inject({
      method: 'GET',
      url: '/api/simulator/connections',
      headers: agent.headers,
    });
    expect(asAgent.statusCode).toBe(403);
    const body = { connectionId: whatsapp.id, customerAddress: '385911110000', text: 'Hi' };
    expect((await post(undefined, body)).statusCode).toBe(401);
    expect((await post(agent, body)).statusCode).toBe(403);
  });

  it('refuses a malformed body (400), a bad address (400) and an unknown connection (404)', async () => {
    const empty = await post(supervisor, {
      connectionId: whatsapp.id,
      customerAddress: '385911110000',
      text: ' ',
    });
    expect(empty.statusCode).toBe(400);
    const address = await post(supervisor, {
      connectionId: whatsapp.id,
      customerAddress: 'not a phone',
      text: 'Hi',
    });
    expect(address.statusCode).toBe(400);
    expect(address.json().error.code).toBe('validation_failed');
    const unknown = await post(supervisor, {
      connectionId: crypto.randomUUID(),
      customerAddress: '3859',
      text: 'Hi',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lists the playable connections, sandbox ones marked, for supervisors (admins too when supervisors)', async () => {
    for (const session of [supervisor, adminSupervisor]) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/simulator/connections',
        headers: session.headers,
      });
      expect(res.statusCode).toBe(200);
      const item = (res.json() as SimulatorConnectionList).items.find((c) => c.id === whatsapp.id);
      expect(item).toMatchObject({ channel: 'WHATSAPP', provider: 'infobip', sandbox: true });
    }
  });

  it('a simulated WhatsApp message becomes a conversation; the reply shows with its ticks', async () => {
    const customer = `3859${Math.floor(Math.random() * 1e8)}`;
    const res = await post(supervisor, {
      connectionId: whatsapp.id,
      customerAddress: `+${customer}`,
      text: 'Is my order on its way?',
    });
    expect(res.statusCode).toBe(202);
    const conversationId = await conversationOf('WHATSAPP', customer);
    const { rows } = await db.pool.query<{ count: number }>(
      'select count(*)::int as count from inbound_events where connection_id = $1',
      [whatsapp.id],
    );
    expect(rows[0]?.count).toBeGreaterThan(0);

    const { message } = await sendAgentMessage(
      ctx.events,
      { kind: 'supervisor', userId: supervisorId },
      conversationId,
      { contentType: 'TEXT', content: { text: 'It ships today.' } },
    );
    const delivered = await eventually(
      async () => {
        const { items } = await transcript(whatsapp.id, customer);
        const reply = items.find((m) => m.id === message.id);
        return reply && ['DELIVERED', 'SEEN'].includes(reply.deliveryState) ? items : undefined;
      },
      'the reply delivered',
      30_000,
    );
    expect(delivered.map((m) => [m.direction, m.text])).toEqual([
      ['INBOUND', 'Is my order on its way?'],
      ['OUTBOUND', 'It ships today.'],
    ]);
  });

  it("an e-mail customer's RFC 822 mail takes the SMTP listener's path (subject becomes the topic)", async () => {
    const created = await createConnection(ctx.events, {
      provider: 'email',
      channel: 'EMAIL',
      name: 'Support mail',
      sender: `support-${Math.floor(Math.random() * 1e6)}@shop.test`,
      settings: { smtp: { host: '127.0.0.1', port: 9, security: 'none' } },
    });
    const customer = 'Ana.Lopez@Customer.test';
    const res = await post(supervisor, {
      connectionId: created.id,
      customerAddress: customer,
      customerName: 'Ana Lopez',
      subject: 'Broken charger',
      text: 'My charger stopped working.',
    });
    expect(res.statusCode).toBe(202);
    const conversationId = await conversationOf('EMAIL', 'ana.lopez@customer.test');
    const { rows } = await db.pool.query<{ topic: string | null }>(
      'select topic from conversations where id = $1',
      [conversationId],
    );
    expect(rows[0]?.topic).toBe('Broken charger');
    const { items } = await transcript(created.id, customer);
    expect(items).toMatchObject([{ direction: 'INBOUND', text: 'My charger stopped working.' }]);
  });

  it('serves the demo page of an enabled live-chat widget with its snippet, 404 for others', async () => {
    const widget = await createConnection(ctx.events, {
      provider: 'livechat',
      channel: 'LIVE_CHAT',
      name: 'Shop <chat>',
      sender: 'shop-widget',
      settings: {
        allowedOrigins: ['http://127.0.0.1:3000'],
        preChatForm: false,
        title: 'Chat',
        color: '#1c7ed6',
      },
    });
    const page = await app.inject({ method: 'GET', url: '/widget-demo/shop-widget' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<script src="/widget.js" data-widget-id="shop-widget" async></script>');
    expect(page.body).toContain('Shop &#60;chat&#62;');
    expect((await app.inject({ method: 'GET', url: '/widget-demo/nope' })).statusCode).toBe(404);
    const list = await app.inject({
      method: 'GET',
      url: '/api/simulator/connections',
      headers: supervisor.headers,
    });
    expect((list.json() as SimulatorConnectionList).widgets).toContainEqual({
      id: widget.id,
      name: 'Shop <chat>',
      widgetId: 'shop-widget',
    });
  });
});

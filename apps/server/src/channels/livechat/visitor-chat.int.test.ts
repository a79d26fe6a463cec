import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { addThreadKeys } from '../../modules/conversations/conversation-threads.repo.ts';
import { connectTestSender, DESK_SENDER } from '../../modules/conversations/test-fixtures.ts';
import { ingestInbound } from '../../modules/messages/inbound.service.ts';
import { signedInUser, type TestSession } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { eventually } from '../infobip/test-support.ts';
import { createWidget, startVisitor, visitorCall } from './test-support.ts';

// A visitor's chat end to end on the real database: session and profile, messages through the
// inbound pipeline, agent replies through the adapter, receipts, read marks, typing, limits, files.

let app: App;
let ctx: AppContext;
let db: Db;
let admin: TestSession;
let supervisor: TestSession;
let widgetId: string;

interface Listed {
  items: {
    id: string;
    clientId: string | null;
    author: string;
    agentName: string | null;
    text: string;
    attachment: { url: string; fileName: string; mimeType: string } | null;
  }[];
  seenUpTo: string | null;
  hasMore: boolean;
}

const list = async (token: string, after?: string) => {
  const res = await visitorCall(app, widgetId, {
    method: 'GET',
    path: `/messages${after ? `?after=${after}` : ''}`,
    token,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as Listed;
};

const send = (token: string, payload: { clientId: string; text?: string; attachmentId?: string }) =>
  visitorCall(app, widgetId, { method: 'POST', path: '/messages', token, payload });

/** The visitor's LIVE_CHAT conversation once the processor threaded their message. */
async function conversationOf(visitorId: string) {
  return eventually(async () => {
    const { rows } = await db.pool.query<{ id: string; topic: string; customer_id: string | null }>(
      `select id, topic, customer_id from conversations where channel = 'LIVE_CHAT' and customer_address = $1`,
      [visitorId],
    );
    return rows[0];
  }, 'the conversation');
}

async function agentReplies(conversationId: string, text: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/conversations/${conversationId}/messages`,
    headers: supervisor.headers,
    payload: { clientId: crypto.randomUUID(), text },
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

const stateOf = async (messageId: string) =>
  (
    await db.pool.query<{ delivery_state: string }>('select delivery_state from messages where id = $1', [
      messageId,
    ])
  ).rows[0]?.delivery_state;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  admin = await signedInUser(app, db, ['admin']);
  supervisor = await signedInUser(app, db, ['supervisor', 'agent']);
  ({ widgetId } = await createWidget(app, admin, { preChatForm: true }));
});
afterAll(async () => {
  await app.close();
});

describe('pre-chat profile', () => {
  it('makes the visitor a customer named as they said, with their e-mail unless another profile has it', async () => {
    const vera = await startVisitor(app, widgetId, { name: 'Vera Visitor', email: 'Vera@Example.com' });
    const profile = await db.pool.query<{ name: string; channel: string; address: string }>(
      `select c.name, d.channel, d.address from customers c join customer_destinations d on d.customer_id = c.id
       where c.id = (select customer_id from livechat_visitors where id = $1) order by d.channel`,
      [vera.visitorId],
    );
    expect(profile.rows).toEqual([
      { name: 'Vera Visitor', channel: 'EMAIL', address: 'vera@example.com' },
      { name: 'Vera Visitor', channel: 'LIVE_CHAT', address: vera.visitorId },
    ]);
    // Someone typing Vera's address gets a profile of their own, without it.
    const impostor = await startVisitor(app, widgetId, { name: 'Not Vera', email: 'vera@example.com' });
    const theirs = await db.pool.query<{ channel: string }>(
      `select d.channel from customer_destinations d
       where d.customer_id = (select customer_id from livechat_visitors where id = $1)`,
      [impostor.visitorId],
    );
    expect(theirs.rows).toEqual([{ channel: 'LIVE_CHAT' }]);
  });
});

describe('messages', () => {
  it('threads a message into a LIVE_CHAT conversation of the visitor once, whatever the repeats', async () => {
    const { token, visitorId } = await startVisitor(app, widgetId, { name: 'Ana' });
    const clientId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) {
      const res = await send(token, { clientId, text: 'Hello there' });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ clientId });
    }
    const conversation = await conversationOf(visitorId);
    expect(conversation.topic).toBe('Talking with Ana');
    expect(conversation.customer_id).not.toBeNull();
    await eventually(async () => {
      const { rows } = await db.pool.query(`select 1 from inbound_events where processed_at is null`);
      return rows.length === 0 ? true : undefined;
    }, 'every repeat processed');
    const listed = await list(token);
    expect(listed.items).toEqual([
      expect.objectContaining({ clientId, author: 'visitor', text: 'Hello there' }),
    ]);
  });

  it('refuses an empty message and one over the length limit', async () => {
    const { token } = await startVisitor(app, widgetId);
    expect((await send(token, { clientId: crypto.randomUUID(), text: '  ' })).statusCode).toBe(400);
    expect((await send(token, { clientId: crypto.randomUUID(), text: 'x'.repeat(4097) })).statusCode).toBe(
      400,
    );
  });

  it('shows agent replies once sent, catches up after a message, and moves ticks on receipts', async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    await send(token, { clientId: crypto.randomUUID(), text: 'Is anyone there?' });
    const conversation = await conversationOf(visitorId);
    const first = (await eventually(async () => (await list(token)).items[0], 'the message')).id;
    const reply = await agentReplies(conversation.id, 'Yes, how can I help?');
    await eventually(async () => ((await stateOf(reply)) === 'SENT' ? true : undefined), 'the reply sent');
    const caughtUp = await list(token, first);
    expect(caughtUp.items.map((m) => [m.author, m.text])).toEqual([
      ['visitor', 'Is anyone there?'],
      ['agent', 'Yes, how can I help?'],
    ]);
    expect(caughtUp.items[1]?.agentName).not.toBeNull();
    expect(caughtUp.hasMore).toBe(false);

    // Another visitor naming this reply moves nothing; this visitor's receipts move it forward only.
    const { token: other } = await startVisitor(app, widgetId);
    const receipt = (t: string, state: string) =>
      visitorCall(app, widgetId, {
        method: 'POST',
        path: '/receipts',
        token: t,
        payload: { upTo: reply, state },
      });
    expect((await receipt(other, 'SEEN')).statusCode).toBe(204);
    expect(await stateOf(reply)).toBe('SENT');
    expect((await receipt(token, 'DELIVERED')).statusCode).toBe(204);
    expect(await stateOf(reply)).toBe('DELIVERED');
    expect((await receipt(token, 'SEEN')).statusCode).toBe(204);
    expect((await receipt(token, 'DELIVERED')).statusCode).toBe(204);
    expect(await stateOf(reply)).toBe('SEEN');
  });

  it("marks the visitor's messages seen once an agent read them, and never takes it back", async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    await send(token, { clientId: crypto.randomUUID(), text: 'Anyone?' });
    const conversation = await conversationOf(visitorId);
    const message = (await eventually(async () => (await list(token)).items[0], 'the message')).id;
    expect((await list(token)).seenUpTo).toBeNull();
    const read = await app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/read`,
      headers: supervisor.headers,
    });
    expect(read.statusCode).toBe(200);
    await eventually(async () => ((await list(token)).seenUpTo === message ? true : undefined), 'seen');
    await app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/unread`,
      headers: supervisor.headers,
      payload: { messageId: message },
    });
    await ctx.events.drain();
    expect((await list(token)).seenUpTo).toBe(message);
  });
});

describe('typing', () => {
  it('relays the visitor typing to the agents who may see the conversation', async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    await send(token, { clientId: crypto.randomUUID(), text: 'One more thing' });
    const conversation = await conversationOf(visitorId);
    const publish = vi.spyOn(ctx.realtime, 'publish');
    const res = await visitorCall(app, widgetId, {
      method: 'POST',
      path: '/typing',
      token,
      payload: { typing: true },
    });
    expect(res.statusCode).toBe(204);
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({ roles: expect.arrayContaining(['supervisor']) }),
      {
        type: 'conversation.customer_typing',
        payload: { conversationId: conversation.id, typing: true },
      },
    );
    publish.mockRestore();
  });

  it('relays the agent typing to the visitor, for those who may reply only', async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    await send(token, { clientId: crypto.randomUUID(), text: 'Hi' });
    const conversation = await conversationOf(visitorId);
    const broadcast = vi.spyOn(ctx.realtime, 'broadcast');
    const typing = (session: TestSession) =>
      app.inject({
        method: 'POST',
        url: `/api/conversations/${conversation.id}/typing`,
        headers: session.headers,
        payload: { typing: true },
      });
    expect((await typing(supervisor)).statusCode).toBe(204);
    expect(broadcast).toHaveBeenCalledWith('livechat.visitor', {
      visitorId,
      event: { type: 'typing', payload: { typing: true } },
    });
    // A plain agent not assigned to it may not reply, so may not show typing either.
    const agent = await signedInUser(app, db, ['agent']);
    expect((await typing(agent)).statusCode).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/conversations/${conversation.id}/typing`,
          payload: { typing: true },
        })
      ).statusCode,
    ).toBe(401);
    broadcast.mockRestore();
  });

  it('shows the agent typing on the default reply route, not the conversation channel', async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    await send(token, { clientId: crypto.randomUUID(), text: 'Hi' });
    const conversation = await conversationOf(visitorId);
    // The customer writes next by SMS into the same conversation: replies (and typing) go there.
    await connectTestSender(db, 'SMS', DESK_SENDER);
    const phone = `3859${Math.floor(Math.random() * 1e8)}`;
    const sms = { channel: 'SMS' as const, ourAddress: DESK_SENDER, customerAddress: phone };
    await addThreadKeys(db.orm, conversation.id, [sms]);
    const later = await ingestInbound(ctx.events, {
      connectionId: crypto.randomUUID(),
      channel: 'SMS',
      providerMessageId: crypto.randomUUID(),
      from: phone,
      to: DESK_SENDER,
      receivedAt: new Date(Date.now() + 1000).toISOString(),
      contentType: 'TEXT',
      content: { text: 'By SMS now' },
    });
    expect(later).toMatchObject({ conversationId: conversation.id });
    const broadcast = vi.spyOn(ctx.realtime, 'broadcast');
    const res = await app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/typing`,
      headers: supervisor.headers,
      payload: { typing: true },
    });
    expect(res.statusCode).toBe(204);
    expect(broadcast).not.toHaveBeenCalledWith('livechat.visitor', expect.anything());
    broadcast.mockRestore();
  });
});

describe('limits and files', () => {
  it('answers 429 with Retry-After once a visitor sends more than 30 messages a minute', async () => {
    const { token } = await startVisitor(app, widgetId);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await send(token, { clientId: crypto.randomUUID(), text: `m${i}` })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    const refused = await send(token, { clientId: crypto.randomUUID(), text: 'one too many' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('refuses an upload without a visitor token before reading its body (401)', async () => {
    // A real socket: the request announces 20 MB and sends none of it, so only an answer given
    // before the body is read can arrive.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    expect(address).toContain(String(port));
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/widget/1/${widgetId}/attachments?fileName=big.png`,
        headers: { 'content-type': 'image/png', 'content-length': String(20 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        resolve(res.statusCode);
        req.destroy();
      });
      req.on('error', reject);
      req.setTimeout(3000, () => {
        resolve(undefined);
        req.destroy();
      });
      req.flushHeaders();
    });
    expect(status).toBe(401);
  });

  it("takes the visitor's own uploads only, of allowed types, and shows them with a signed link", async () => {
    const { token, visitorId } = await startVisitor(app, widgetId);
    const upload = (t: string, body: Buffer, type: string) =>
      app.inject({
        method: 'POST',
        url: `/widget/1/${widgetId}/attachments?fileName=photo.png`,
        headers: { authorization: `Bearer ${t}`, 'content-type': type },
        payload: body,
      });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const stored = await upload(token, png, 'image/png');
    expect(stored.statusCode).toBe(201);
    const { attachmentId } = stored.json() as { attachmentId: string };
    expect((await upload(token, Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02]), 'image/png')).statusCode).toBe(
      415,
    );

    const { token: other } = await startVisitor(app, widgetId);
    const foreign = await send(other, { clientId: crypto.randomUUID(), attachmentId });
    expect(foreign.statusCode).toBe(404);

    expect(
      (await send(token, { clientId: crypto.randomUUID(), text: 'See this', attachmentId })).statusCode,
    ).toBe(202);
    await conversationOf(visitorId);
    const shown = await eventually(async () => (await list(token)).items[0], 'the message');
    expect(shown).toMatchObject({
      text: 'See this',
      attachment: { fileName: 'photo.png', mimeType: 'image/png' },
    });
    const link = await app.inject({ method: 'GET', url: shown.attachment?.url ?? '' });
    expect(link.statusCode).toBe(200);
    expect(link.rawPayload.equals(png)).toBe(true);
  });
});

import type { TimelineMessage, TimelineNote } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../conversations/threading.ts';
import { createWriteDesk, errorCode, type WriteDesk } from '../conversations/write-test-desk.ts';

// Access, validation and the permission matrix of these routes are in conversations-write.*.int.test.ts.

let desk: WriteDesk;
beforeAll(async () => {
  desk = await createWriteDesk();
});
afterAll(async () => {
  await desk.app.close();
});

describe('POST /api/conversations/:id/messages', () => {
  it('stores the reply once per client id: 201 first, 200 with the same message on a repeat', async () => {
    const id = await desk.conversation({ assigneeUserId: desk.a.user.id });
    const clientId = crypto.randomUUID();
    const url = `/api/conversations/${id}/messages`;
    const first = await desk.call(desk.a, 'POST', url, { clientId, text: 'On my way' });
    expect(first.statusCode).toBe(201);
    const message = first.json<TimelineMessage>();
    expect(message).toMatchObject({
      type: 'message',
      direction: 'OUTBOUND',
      channel: 'SMS',
      from: '44123',
      authorKind: 'AGENT',
      author: { id: desk.a.user.id },
      content: { text: 'On my way' },
      deliveryState: 'PENDING',
      clientId,
    });

    const repeat = await desk.call(desk.a, 'POST', url, { clientId, text: 'On my way' });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json<TimelineMessage>()).toEqual(message);
    expect((await desk.snapshot(id)).messages).toBe(1);
    expect((await desk.messageByClientId(id, clientId))?.id).toBe(message.id);

    const other = await desk.call(desk.a, 'POST', url, { clientId: crypto.randomUUID(), text: 'Second' });
    expect(other.statusCode).toBe(201);
    expect((await desk.snapshot(id)).messages).toBe(2);
  });

  it('a retry still answers with the stored message after the conversation was handed on', async () => {
    const id = await desk.conversation({ assigneeUserId: desk.a.user.id });
    const clientId = crypto.randomUUID();
    const url = `/api/conversations/${id}/messages`;
    const first = await desk.call(desk.a, 'POST', url, { clientId, text: 'Sent before handing on' });
    await desk.call(desk.a, 'POST', `/api/conversations/${id}/assign`, { userId: desk.b.user.id });
    const retry = await desk.call(desk.a, 'POST', url, { clientId, text: 'Sent before handing on' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<TimelineMessage>().id).toBe(first.json<TimelineMessage>().id);
  });

  it('refuses text over the D11 limit (422) and a conversation without a channel (422)', async () => {
    const id = await desk.conversation({ assigneeUserId: desk.a.user.id });
    const long = await desk.call(desk.a, 'POST', `/api/conversations/${id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'x'.repeat(4097),
    });
    expect([long.statusCode, errorCode(long)]).toEqual([422, 'limit_exceeded']);

    const bare = await createConversation(
      desk.ctx.events,
      { kind: 'supervisor', userId: desk.supervisor.user.id },
      {},
    );
    const noChannel = await desk.call(desk.supervisor, 'POST', `/api/conversations/${bare.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Anyone there?',
    });
    expect([noChannel.statusCode, errorCode(noChannel)]).toEqual([422, 'validation_failed']);
    expect((await desk.snapshot(id)).messages).toBe(0);
    expect((await desk.snapshot(bare.id)).messages).toBe(0);
  });
});

describe('POST /api/conversations/:id/notes', () => {
  it('adds an internal note by any agent who sees the conversation', async () => {
    const id = await desk.conversation({ assigneeUserId: desk.b.user.id });
    const res = await desk.call(desk.a, 'POST', `/api/conversations/${id}/notes`, {
      text: 'Customer is a VIP',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<TimelineNote>()).toMatchObject({
      type: 'note',
      author: { id: desk.a.user.id, displayName: desk.a.user.displayName },
      text: 'Customer is a VIP',
    });
    const state = await desk.snapshot(id);
    expect([state.notes, state.messages]).toEqual([1, 0]);
  });

  it('refuses a note over the D11 limit (422)', async () => {
    const id = await desk.conversation();
    const res = await desk.call(desk.a, 'POST', `/api/conversations/${id}/notes`, { text: 'n'.repeat(4001) });
    expect([res.statusCode, errorCode(res)]).toEqual([422, 'limit_exceeded']);
    expect((await desk.snapshot(id)).notes).toBe(0);
  });
});

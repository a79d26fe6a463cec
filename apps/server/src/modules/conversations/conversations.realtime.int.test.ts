import { RealtimeEvent } from '@parley/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Audience } from '../../platform/realtime/types.ts';
import { changeDeliveryState } from '../messages/delivery-state.service.ts';
import { addNote, sendAgentMessage } from '../messages/messages.service.ts';
import type { TestSession } from '../users/test-helpers.ts';
import { createReadDesk } from './read-test-desk.ts';

// Captures what the handlers publish and decides delivery with the same rule the socket layer
// uses (a listed user id, or a held role), so "who receives it" is asserted per person.

let app: App;
let ctx: AppContext;
let desk: Awaited<ReturnType<typeof createReadDesk>>;
let published: { audience: Audience; event: RealtimeEvent }[] = [];

beforeAll(async () => {
  const built = await buildTestApp();
  ({ app, ctx } = built);
  desk = await createReadDesk(app, ctx, built.db);
  vi.spyOn(ctx.realtime, 'publish').mockImplementation(async (audience, event) => {
    published.push({ audience, event: RealtimeEvent.parse(event) });
  });
});

beforeEach(async () => {
  await ctx.events.drain();
  published = [];
});

afterAll(async () => {
  vi.restoreAllMocks();
  await app.close();
});

function received(session: TestSession, type: RealtimeEvent['type']): RealtimeEvent[] {
  const { id, roles } = session.user;
  return published
    .filter(
      ({ audience, event }) =>
        event.type === type &&
        (audience.userIds?.includes(id) || audience.roles?.some((r) => roles.includes(r))),
    )
    .map((p) => p.event);
}

describe('realtime delivery of conversation changes (D4 audiences)', () => {
  it('a Default-queue conversation reaches every agent', async () => {
    const { conversationId } = await desk.receive(desk.address(), 'hi all');
    await ctx.events.drain();
    for (const who of [desk.member, desk.outsider, desk.supervisor]) {
      const appended = received(who, 'timeline.appended');
      expect(appended).toHaveLength(1);
      expect(appended[0]).toMatchObject({
        payload: { conversationId, item: { type: 'message', content: { text: 'hi all' } } },
      });
      const changes = received(who, 'conversation.changed').map((e) =>
        e.type === 'conversation.changed' ? e.payload.change : '',
      );
      expect(changes).toEqual(['conversation.created', 'message.received']);
    }
  });

  it('a queue conversation reaches its members, its assignee and supervisors, never an outsider', async () => {
    const from = desk.address();
    const { conversationId } = await desk.receive(from);
    await ctx.events.drain();
    published = [];
    await desk.moveToSales(conversationId);
    await ctx.events.drain();
    // Leaving the Default queue: the outsider loses sight of it and learns only its id.
    expect(received(desk.outsider, 'conversation.removed')).toEqual([
      { type: 'conversation.removed', payload: { conversationId } },
    ]);
    expect(received(desk.outsider, 'conversation.changed')).toEqual([]);
    expect(received(desk.member, 'conversation.removed')).toEqual([]);
    expect(received(desk.supervisor, 'conversation.removed')).toEqual([]);
    expect(received(desk.member, 'conversation.changed')).not.toHaveLength(0);

    published = [];
    await desk.receive(from, 'for sales only');
    await desk.assign(conversationId, desk.member.user.id);
    await ctx.events.drain();
    expect(received(desk.outsider, 'timeline.appended')).toEqual([]);
    expect(received(desk.outsider, 'conversation.changed')).toEqual([]);
    for (const who of [desk.member, desk.supervisor]) {
      expect(received(who, 'timeline.appended')).toHaveLength(1);
      const changes = received(who, 'conversation.changed');
      expect(changes.map((e) => (e.type === 'conversation.changed' ? e.payload.change : ''))).toEqual([
        'message.received',
        'conversation.assigned',
      ]);
      expect(changes[1]).toMatchObject({
        payload: { conversation: { id: conversationId, assignee: { id: desk.member.user.id } } },
      });
    }

    // An assignee outside the queue (left over from before a membership change) still gets it.
    await ctx.db.pool.query('update conversations set assignee_user_id = $2 where id = $1', [
      conversationId,
      desk.outsider.user.id,
    ]);
    published = [];
    await addNote(ctx.events, { kind: 'agent', userId: desk.member.user.id }, conversationId, 'fyi');
    await ctx.events.drain();
    expect(received(desk.outsider, 'timeline.appended')).toMatchObject([
      { payload: { item: { type: 'note', text: 'fyi', author: { id: desk.member.user.id } } } },
    ]);

    // Assigned away, that outside assignee loses sight of it: only its id, nothing of what follows.
    published = [];
    await desk.assign(conversationId, desk.member.user.id);
    await desk.receive(from, 'after the handover');
    await ctx.events.drain();
    expect(received(desk.outsider, 'conversation.removed')).toEqual([
      { type: 'conversation.removed', payload: { conversationId } },
    ]);
    expect(received(desk.outsider, 'conversation.changed')).toEqual([]);
    expect(received(desk.outsider, 'timeline.appended')).toEqual([]);
    expect(received(desk.member, 'conversation.removed')).toEqual([]);
    expect(received(desk.member, 'timeline.appended')).toHaveLength(1);
  });

  it('a previous assignee who still sees the conversation gets the change, not a removal', async () => {
    const { conversationId } = await desk.receive(desk.address());
    await desk.assign(conversationId, desk.member.user.id);
    await ctx.events.drain();
    published = [];
    await desk.assign(conversationId, desk.outsider.user.id);
    await ctx.events.drain();
    // Still in the Default queue, which every agent sees.
    expect(received(desk.member, 'conversation.removed')).toEqual([]);
    expect(received(desk.member, 'conversation.changed')).toMatchObject([
      { payload: { change: 'conversation.assigned', conversation: { id: conversationId } } },
    ]);
  });

  it('an agent reply is appended, and its delivery failure updates it in place', async () => {
    const { conversationId } = await desk.receive(desk.address());
    const actor = { kind: 'supervisor', userId: desk.supervisor.user.id } as const;
    await ctx.events.drain();
    published = [];
    const { message } = await sendAgentMessage(ctx.events, actor, conversationId, {
      contentType: 'TEXT',
      content: { text: 'on my way' },
    });
    await ctx.events.drain();
    expect(received(desk.outsider, 'timeline.appended')).toMatchObject([
      { payload: { item: { id: message.id, direction: 'OUTBOUND', deliveryState: 'PENDING' } } },
    ]);
    expect(
      received(desk.outsider, 'conversation.changed').map((e) =>
        e.type === 'conversation.changed' ? e.payload.conversation.pendingSince : 'other',
      ),
    ).toEqual([null]);
    await changeDeliveryState(ctx.events, { id: message.id }, { state: 'FAILED', reason: 'Number blocked' });
    await ctx.events.drain();
    expect(received(desk.member, 'timeline.updated')).toMatchObject([
      {
        payload: {
          conversationId,
          item: { id: message.id, deliveryState: 'FAILED', failureReason: 'Number blocked' },
        },
      },
    ]);
  });

  it('a batch of messages for several conversations: every push to its audience, with a bounded number of queries', async () => {
    // Four conversations, two of them in Sales; six messages each, dispatched as one transaction's events.
    const batch: { conversationId: string; messageId: string }[] = [];
    const inSales = new Set<string>();
    for (let c = 0; c < 4; c++) {
      const from = desk.address();
      const first = await desk.receive(from);
      if (c % 2 === 1) {
        await desk.moveToSales(first.conversationId);
        inSales.add(first.conversationId);
      }
      batch.push(first);
      for (let m = 1; m < 6; m++) batch.push(await desk.receive(from, `message ${m}`));
    }
    await ctx.events.drain();
    published = [];
    const query = vi.spyOn(ctx.db.pool, 'query');
    await ctx.events.transact(async ({ emit }) => {
      for (const { conversationId, messageId } of batch)
        emit('message.received', { conversationId, messageId });
    });
    await ctx.events.drain();
    const queries = query.mock.calls.length;
    query.mockRestore();

    const messageIds = (events: RealtimeEvent[]) =>
      events.map((e) => (e.type === 'timeline.appended' ? e.payload.item.id : ''));
    const inDefault = batch.filter((r) => !inSales.has(r.conversationId));
    for (const [who, expected] of [
      [desk.supervisor, batch],
      [desk.member, batch],
      [desk.outsider, inDefault],
    ] as const) {
      expect(messageIds(received(who, 'timeline.appended'))).toEqual(expected.map((r) => r.messageId));
      expect(
        received(who, 'conversation.changed').map((e) =>
          e.type === 'conversation.changed' ? e.payload.conversation.id : '',
        ),
      ).toEqual(expected.map((r) => r.conversationId));
      expect(received(who, 'conversation.removed')).toEqual([]);
    }
    // Loaded once for the batch (conversations, audiences, presentation, the outbox update), where
    // one event at a time took about seven queries per message.
    expect(queries).toBeLessThanOrEqual(10);
  });

  it('read state goes only to the reader', async () => {
    const { conversationId } = await desk.receive(desk.address());
    await ctx.events.drain();
    published = [];
    const res = await desk.post(desk.member, `/api/conversations/${conversationId}/read`);
    expect(res.statusCode).toBe(200);
    await ctx.events.drain();
    expect(received(desk.member, 'conversation.read_state_changed')).toEqual([
      { type: 'conversation.read_state_changed', payload: { conversationId, unreadCount: 0 } },
    ]);
    expect(received(desk.outsider, 'conversation.read_state_changed')).toEqual([]);
    expect(received(desk.supervisor, 'conversation.read_state_changed')).toEqual([]);
  });
});

import type { Conversation, ReplyRouteList, TimelineItem, TimelineMessage } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '../messages/inbound.service.ts';
import type { Actor } from './conversations.policy.ts';
import {
  assignConversation,
  changeConversationQueue,
  setConversationStatus,
} from './conversations.service.ts';
import {
  connectOmnichannelSenders,
  omnichannelCustomer,
  SENDERS,
  type Thread,
} from './omnichannel-test-desk.ts';
import { createConversation } from './threading.ts';
import { createWriteDesk, errorCode, type WriteDesk } from './write-test-desk.ts';

// POST /api/conversations/:id/merge, GET /api/conversations/:id/reply-routes and the `route` of a
// reply (D2 omnichannel), against the real database.

let desk: WriteDesk;
let SUPERVISOR: Actor;
beforeAll(async () => {
  desk = await createWriteDesk();
  await connectOmnichannelSenders(desk.db);
  SUPERVISOR = { kind: 'supervisor', userId: desk.supervisor.user.id };
});
afterAll(async () => {
  await desk.app.close();
});

const someId = '00000000-0000-4000-8000-000000000000';
const open = (t: Thread) => createConversation(desk.ctx.events, SUPERVISOR, t);

/** A customer with an SMS and a WhatsApp conversation; `sms` assigned to agent a unless told. */
async function customerWithTwo(smsAssignee: string | null = desk.a.user.id) {
  const { customer, threads } = await omnichannelCustomer(desk.ctx.events);
  const sms = await open(threads[0] as Thread);
  const whatsapp = await open(threads[1] as Thread);
  if (smsAssignee) await assignConversation(desk.ctx.events, SUPERVISOR, sms.id, smsAssignee);
  return { customer, threads, sms, whatsapp };
}

const merge = (who: Parameters<WriteDesk['call']>[0], targetId: string, sourceIds: unknown) =>
  desk.call(who, 'POST', `/api/conversations/${targetId}/merge`, { sourceIds });

const timeline = async (id: string) =>
  (await desk.call(desk.supervisor, 'GET', `/api/conversations/${id}/timeline`)).json<{
    items: TimelineItem[];
  }>().items;

describe('access and validation', () => {
  it('POST merge: 401 anonymous, 403 API key, 400 bad bodies, 404 unknown conversations', async () => {
    expect((await merge(null, someId, [crypto.randomUUID()])).statusCode).toBe(401);
    expect(errorCode(await merge(desk.apiKey, someId, [crypto.randomUUID()]))).toBe('forbidden');
    for (const bad of [[], ['nope'], [someId, someId], undefined]) {
      const res = await merge(desk.supervisor, crypto.randomUUID(), bad);
      expect([res.statusCode, errorCode(res)]).toEqual([400, 'validation_failed']);
    }
    const { sms } = await customerWithTwo();
    const self = await merge(desk.supervisor, sms.id, [sms.id]);
    expect([self.statusCode, errorCode(self)]).toEqual([400, 'validation_failed']);
    expect((await merge(desk.supervisor, someId, [sms.id])).statusCode).toBe(404);
    expect((await merge(desk.supervisor, sms.id, [someId])).statusCode).toBe(404);
  });

  it('GET reply-routes: 401 anonymous, 403 API key, 400 bad id, 404 unknown', async () => {
    const url = (id: string) => `/api/conversations/${id}/reply-routes`;
    expect((await desk.call(null, 'GET', url(someId))).statusCode).toBe(401);
    expect(errorCode(await desk.call(desk.apiKey, 'GET', url(someId)))).toBe('forbidden');
    expect((await desk.call(desk.a, 'GET', url('nope'))).statusCode).toBe(400);
    expect((await desk.call(desk.a, 'GET', url(someId))).statusCode).toBe(404);
  });
});

describe('POST /api/conversations/:id/merge', () => {
  it('merges the other conversation in: both channels, one timeline, the source closed and pointing here', async () => {
    const { sms, whatsapp } = await customerWithTwo();
    await ingestInbound(desk.ctx.events, {
      connectionId: someId,
      channel: 'WHATSAPP',
      providerMessageId: crypto.randomUUID(),
      from: whatsapp.customerAddress as string,
      to: whatsapp.ourAddress as string,
      receivedAt: new Date().toISOString(),
      contentType: 'TEXT',
      content: { text: 'Sent on WhatsApp' },
    });
    const res = await merge(desk.a, sms.id, [whatsapp.id]);
    expect(res.statusCode).toBe(200);
    expect(res.json<Conversation>()).toMatchObject({
      id: sms.id,
      channels: ['SMS', 'WHATSAPP'],
      status: 'OPEN',
    });

    const items = await timeline(sms.id);
    expect(items.some((i) => i.type === 'message' && i.content.text === 'Sent on WhatsApp')).toBe(true);
    expect(items.find((i) => i.type === 'log' && i.kind === 'merge')).toMatchObject({
      from: { value: whatsapp.id, label: `#${whatsapp.number}` },
      to: null,
      actor: { id: desk.a.user.id },
    });
    const source = await desk.call(desk.a, 'GET', `/api/conversations/${whatsapp.id}`);
    expect(source.json<Conversation>().status).toBe('CLOSED');
    expect((await timeline(whatsapp.id)).find((i) => i.type === 'log' && i.kind === 'merge')).toMatchObject({
      from: null,
      to: { value: sms.id, label: `#${sms.number}` },
    });
    // The merged timeline answers on the customer's last channel by default.
    const routes = await desk.call(desk.a, 'GET', `/api/conversations/${sms.id}/reply-routes`);
    expect(routes.json<ReplyRouteList>().items[0]).toMatchObject({ channel: 'WHATSAPP', isDefault: true });
  });

  it('refuses an agent a target that is not theirs and a colleague’s source (403)', async () => {
    const notMine = await customerWithTwo(desk.b.user.id);
    const res = await merge(desk.a, notMine.sms.id, [notMine.whatsapp.id]);
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'merge_forbidden']);
    const theirs = await customerWithTwo();
    await assignConversation(desk.ctx.events, SUPERVISOR, theirs.whatsapp.id, desk.b.user.id);
    const colleague = await merge(desk.a, theirs.sms.id, [theirs.whatsapp.id]);
    expect([colleague.statusCode, errorCode(colleague)]).toEqual([403, 'merge_forbidden']);
    expect((await merge(desk.supervisor, theirs.sms.id, [theirs.whatsapp.id])).statusCode).toBe(200);
  });

  it('answers 404 for a source the agent cannot see', async () => {
    const { sms, whatsapp } = await customerWithTwo();
    await changeConversationQueue(desk.ctx.events, SUPERVISOR, whatsapp.id, desk.hidden.id);
    const res = await merge(desk.a, sms.id, [whatsapp.id]);
    expect([res.statusCode, errorCode(res)]).toEqual([404, 'not_found']);
  });

  it('refuses CLOSED conversations and another customer’s (409), changing nothing', async () => {
    const { sms, whatsapp } = await customerWithTwo();
    await setConversationStatus(desk.ctx.events, SUPERVISOR, whatsapp.id, 'CLOSED');
    const closed = await merge(desk.a, sms.id, [whatsapp.id]);
    expect([closed.statusCode, errorCode(closed)]).toEqual([409, 'conversation_closed']);
    const other = await customerWithTwo();
    const before = await desk.snapshot(sms.id);
    const stranger = await merge(desk.supervisor, sms.id, [other.whatsapp.id]);
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([409, 'conflict']);
    expect(await desk.snapshot(sms.id)).toEqual(before);
    expect((await desk.snapshot(other.whatsapp.id)).row?.status).toBe('OPEN');
  });
});

describe('replying on another channel ("change channel")', () => {
  const send = (id: string, route?: object) =>
    desk.call(desk.a, 'POST', `/api/conversations/${id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Here on another channel',
      ...(route && { route }),
    });

  it('lists every route of the customer, default first, and one another conversation holds', async () => {
    const { sms, whatsapp, threads } = await customerWithTwo();
    const res = await desk.call(desk.a, 'GET', `/api/conversations/${sms.id}/reply-routes`);
    const items = res.json<ReplyRouteList>().items;
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ ...threads[0], isDefault: true, heldBy: null });
    expect(items.find((o) => o.channel === 'WHATSAPP' && o.ourAddress === SENDERS.WHATSAPP[0])).toMatchObject(
      {
        heldBy: { id: whatsapp.id, number: whatsapp.number },
      },
    );
    expect(items.filter((o) => o.heldBy === null)).toHaveLength(4);
  });

  it('sends on the chosen route, makes the conversation omnichannel and threads the answer into it', async () => {
    const { sms, threads } = await customerWithTwo();
    const route = threads[4] as Thread;
    const res = await send(sms.id, route);
    expect(res.statusCode).toBe(201);
    expect(res.json<TimelineMessage>()).toMatchObject({
      channel: 'EMAIL',
      from: route.ourAddress,
      to: route.customerAddress,
    });
    const conv = await desk.call(desk.a, 'GET', `/api/conversations/${sms.id}`);
    expect(conv.json<Conversation>().channels).toEqual(['SMS', 'EMAIL']);
    const answer = await ingestInbound(desk.ctx.events, {
      connectionId: someId,
      channel: 'EMAIL',
      providerMessageId: crypto.randomUUID(),
      from: route.customerAddress,
      to: route.ourAddress,
      receivedAt: new Date().toISOString(),
      contentType: 'TEXT',
      content: { text: 'Answered by e-mail' },
    });
    expect(answer).toMatchObject({ conversationId: sms.id, createdConversation: false });
    // The next reply without a route goes where the customer last wrote.
    const next = await send(sms.id);
    expect(next.json<TimelineMessage>()).toMatchObject({ channel: 'EMAIL', from: route.ourAddress });
  });

  it('refuses a route held by another open conversation (409), a stranger’s address (422) and an unconnected sender (409)', async () => {
    const { sms, whatsapp, threads } = await customerWithTwo();
    const held = await send(sms.id, threads[1]);
    expect([held.statusCode, errorCode(held)]).toEqual([409, 'conflict']);
    expect(held.json<{ error: { details: unknown } }>().error.details).toMatchObject({
      conversationId: whatsapp.id,
    });
    const stranger = await send(sms.id, { ...threads[4], customerAddress: 'someone@example.test' });
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([422, 'validation_failed']);
    const unconnected = await send(sms.id, { ...threads[4], ourAddress: 'sales@parley.test' });
    expect([unconnected.statusCode, errorCode(unconnected)]).toEqual([409, 'channel_unavailable']);
    const bad = await send(sms.id, { ...threads[4], channel: 'FAX' });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation_failed']);
    expect((await desk.snapshot(sms.id)).messages).toBe(0);
    expect((await desk.snapshot(sms.id)).row?.channels).toEqual(['SMS']);
  });

  it('does not name a holding conversation the agent may not see (D4), in the list or the 409', async () => {
    const { sms, whatsapp, threads } = await customerWithTwo();
    await changeConversationQueue(desk.ctx.events, SUPERVISOR, whatsapp.id, desk.hidden.id);
    const res = await desk.call(desk.a, 'GET', `/api/conversations/${sms.id}/reply-routes`);
    const held = res
      .json<ReplyRouteList>()
      .items.find((o) => o.channel === 'WHATSAPP' && o.ourAddress === SENDERS.WHATSAPP[0]);
    expect(held?.heldBy).toEqual({ id: null, number: null });
    const refused = await send(sms.id, threads[1]);
    expect([refused.statusCode, errorCode(refused)]).toEqual([409, 'conflict']);
    expect(refused.body).not.toContain(whatsapp.id);
    expect(refused.body).not.toContain(`#${whatsapp.number}`);
    const asSupervisor = await desk.call(desk.supervisor, 'GET', `/api/conversations/${sms.id}/reply-routes`);
    expect(
      asSupervisor.json<ReplyRouteList>().items.find((o) => o.heldBy?.id === whatsapp.id)?.heldBy,
    ).toEqual({ id: whatsapp.id, number: whatsapp.number });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConversations } from '../../modules/conversations/conversation-merge.service.ts';
import {
  connectOmnichannelSenders,
  omnichannelCustomer,
  type Thread,
} from '../../modules/conversations/omnichannel-test-desk.ts';
import { createConversation } from '../../modules/conversations/threading.ts';
import { ingestInbound } from '../../modules/messages/inbound.service.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { requestExamples } from '../contract.ts';
import { type CcaasHarness, ccaasHarness, serviceException } from '../test-support.ts';

let h: CcaasHarness;
beforeAll(async () => {
  h = await ccaasHarness();
});
afterAll(() => h.app.close());

const MESSAGES = '/ccaas/1/conversations/{conversationId}/messages';
const url = (id: string) => `/ccaas/1/conversations/${id}/messages`;
const userId = (actor: { kind: string } & Partial<{ userId: string }>) => actor.userId ?? '';

let n = 0;
/** An inbound SMS from a fresh customer: a new OPEN conversation with a thread key. */
async function inboundConversation() {
  const from = `4479${String(++n).padStart(8, '0')}`;
  const result = await ingestInbound(h.desk.events, h.desk.inbound({ from, to: '447492263897' }));
  if (result.duplicate) throw new Error('unexpected duplicate');
  return { id: result.conversationId, from };
}

const reply = (to: string, text = 'On it') => ({
  channel: 'SMS',
  from: '447492263897',
  to,
  contentType: 'TEXT',
  content: { text },
});

async function outboxTypes(conversationId: string): Promise<string[]> {
  const { rows } = await h.db.pool.query(
    `select type from outbox_events where payload->>'conversationId' = $1 order by occurred_at`,
    [conversationId],
  );
  return rows.map((r) => r.type);
}

describe('/ccaas/1/conversations/{id}/messages', () => {
  it('lists the inbound message and sends a reply as a BOT while the conversation is unassigned', async () => {
    const conv = await inboundConversation();
    const sent = await h.call('POST', url(conv.id), MESSAGES, { payload: reply(conv.from) });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      channel: 'SMS',
      from: '447492263897',
      to: conv.from,
      direction: 'OUTBOUND',
      conversationId: conv.id,
      authorType: 'BOT',
      contentType: 'TEXT',
      content: { text: 'On it' },
    });
    expect(await outboxTypes(conv.id)).toContain('message.created');
    const listed = await h.call('GET', url(conv.id), MESSAGES);
    expect(listed.body.messages.map((m: { direction: string }) => m.direction)).toEqual([
      'INBOUND',
      'OUTBOUND',
    ]);
    expect(listed.body.messages[0]).toMatchObject({
      authorType: 'CUSTOMER',
      from: conv.from,
      content: { text: 'Hello' },
    });
    expect(listed.body.pagination).toEqual({
      totalItems: 2,
      page: 0,
      limit: 10,
      orderBy: 'createdAt:ASC,id:ASC',
    });
    const outbound = await h.call('GET', `${url(conv.id)}?direction=OUTBOUND&channel=SMS`, MESSAGES);
    expect(outbound.body.messages.map((m: { id: string }) => m.id)).toEqual([sent.body.id]);
    const byId = await h.call(
      'GET',
      `${url(conv.id)}?messageIds=${sent.body.id}&orderBy=createdAt:desc`,
      MESSAGES,
    );
    expect(byId.body.pagination.totalItems).toBe(1);
  });

  it('needs x-agent-id naming the assignee (or a supervisor) once the conversation is assigned', async () => {
    const conv = await inboundConversation();
    const assignee = userId(h.desk.agentA);
    await h.call(
      'PUT',
      `/ccaas/1/conversations/${conv.id}/assignee`,
      '/ccaas/1/conversations/{conversationId}/assignee',
      {
        payload: { agentId: assignee },
      },
    );
    const without = await h.call('POST', url(conv.id), MESSAGES, { payload: reply(conv.from) });
    expect(without).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
    const other = await h.call('POST', url(conv.id), MESSAGES, {
      payload: reply(conv.from),
      headers: { 'x-agent-id': userId(h.desk.agentB) },
    });
    expect(other).toMatchObject({ status: 403, body: serviceException('FORBIDDEN') });
    const own = await h.call('POST', url(conv.id), MESSAGES, {
      payload: reply(conv.from, 'Hello from your agent'),
      headers: { 'x-agent-id': assignee },
    });
    expect(own.body).toMatchObject({ authorType: 'AGENT', authorId: assignee });
    const supervisor = await h.call('POST', url(conv.id), MESSAGES, {
      payload: reply(conv.from),
      headers: { 'x-agent-id': userId(h.desk.supervisor) },
    });
    expect(supervisor.body).toMatchObject({ authorType: 'AGENT', authorId: userId(h.desk.supervisor) });
  });

  it('refuses a BOT reply under the row lock once an agent holds the conversation (no pre-check to race)', async () => {
    const conv = await inboundConversation();
    await h.call(
      'PUT',
      `/ccaas/1/conversations/${conv.id}/assignee`,
      '/ccaas/1/conversations/{conversationId}/assignee',
      { payload: { agentId: userId(h.desk.agentA) } },
    );
    // What the route does when the assignment lands between its read and the send: the service decides.
    const bot = sendAgentMessage(h.desk.events, { kind: 'automation' }, conv.id, {
      contentType: 'TEXT',
      content: { text: 'Too late' },
    });
    await expect(bot).rejects.toMatchObject({ code: 'reply_forbidden' });
    const listed = await h.call('GET', `${url(conv.id)}?direction=OUTBOUND`, MESSAGES);
    expect(listed.body.pagination.totalItems).toBe(0);
  });

  it('answers the reference request examples Parley carries, and refuses the rest with 400', async () => {
    const conv = await inboundConversation();
    for (const example of requestExamples('create-message')) {
      const value = example.value as { channel: string; contentType: string };
      const payload = { ...value, from: '447492263897', to: conv.from, channel: 'SMS' };
      const res = await h.call('POST', url(conv.id), MESSAGES, { payload });
      // SMS has no provider templates (docs/channel-rules.md), so a TEMPLATE example is refused here.
      const carried = ['TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'LOCATION'].includes(value.contentType);
      expect(res.status, `${example.name}: ${JSON.stringify(res.body)}`).toBe(carried ? 200 : 400);
      if (carried) expect(res.body.contentType).toBe(value.contentType);
    }
    const location = await h.call('GET', `${url(conv.id)}?direction=OUTBOUND&limit=999`, MESSAGES);
    expect(
      location.body.messages.find((m: { contentType: string }) => m.contentType === 'LOCATION').content,
    ).toMatchObject({
      locationName: 'Location',
    });
  });

  it('refuses a bad body field by field, a foreign thread, a closed conversation and an unknown one', async () => {
    const conv = await inboundConversation();
    const blank = await h.call('POST', url(conv.id), MESSAGES, { payload: { ...reply(conv.from), to: '' } });
    expect(blank).toMatchObject({
      status: 400,
      body: { requestError: { serviceException: { validationErrors: { to: ['must not be blank'] } } } },
    });
    const long = await h.call('POST', url(conv.id), MESSAGES, {
      payload: reply(conv.from, 'x'.repeat(4097)),
    });
    expect(long.body.requestError.serviceException.validationErrors).toEqual({
      content: ['size cannot be longer than 4096 characters.'],
    });
    const foreign = await h.call('POST', url(conv.id), MESSAGES, { payload: reply('440000000') });
    expect(foreign).toMatchObject({ status: 400, body: serviceException('BAD_REQUEST') });
    await h.call('PATCH', `/ccaas/1/conversations/${conv.id}`, '/ccaas/1/conversations/{conversationId}', {
      payload: { status: 'CLOSED' },
    });
    const closed = await h.call('POST', url(conv.id), MESSAGES, { payload: reply(conv.from) });
    expect(closed).toEqual({
      status: 400,
      body: serviceException('BAD_REQUEST', 'Closed conversation cannot be changed'),
    });
    const missing = await h.call('GET', url(crypto.randomUUID()), MESSAGES);
    expect(missing).toMatchObject({ status: 404, body: serviceException('NOT_FOUND') });
  });

  it("sends on the thread the body names, not the customer's last one, after a merge", async () => {
    await connectOmnichannelSenders(h.db);
    const { threads } = await omnichannelCustomer(h.desk.events);
    const [sms, whatsapp] = threads as [Thread, Thread];
    const target = await createConversation(h.desk.events, h.desk.supervisor, sms);
    const source = await ingestInbound(
      h.desk.events,
      h.desk.inbound({ channel: 'WHATSAPP', from: whatsapp.customerAddress, to: whatsapp.ourAddress }),
    );
    if (source.duplicate) throw new Error('unexpected duplicate');
    await mergeConversations(h.desk.events, h.desk.supervisor, target.id, [source.conversationId]);
    const sent = await h.call('POST', url(target.id), MESSAGES, {
      payload: { ...reply(sms.customerAddress), from: sms.ourAddress },
      headers: { 'x-agent-id': userId(h.desk.supervisor) },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ channel: 'SMS', from: sms.ourAddress, to: sms.customerAddress });
  });
});

import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../src/ccaas/contract.ts';
import { incomingTextPayload } from '../src/channels/infobip/fake-events.ts';
import { type FakeInfobip, startFakeInfobip } from '../src/channels/infobip/fake-provider.ts';
import { createTestConnection, eventually, postWebhook } from '../src/channels/infobip/test-support.ts';
import type { ChannelConnectionRow } from '../src/modules/channel-connections/channel-connections.repo.ts';
import { createApiKeyRecord } from '../src/modules/users/api-keys.service.ts';
import { buildTestApp } from './app.ts';

// Issue 3's first "Done when": an integrator drives a whole conversation life through /ccaas/1 while
// the customer writes through the Infobip webhook, and the fake Infobip receives the agent's reply.
// Preconditions an admin sets up (not part of the script): the Infobip channel connection pointing
// at the fake provider, and the integrator's API key. Every /ccaas/1 answer is checked against the
// reference schema of its operation and status.

// biome-ignore lint/suspicious/noExplicitAny: answers are validated against the reference schemas; the test reads them loosely.
type Json = Record<string, any>;

let app: Awaited<ReturnType<typeof buildTestApp>>['app'];
let fake: FakeInfobip;
let connection: ChannelConnectionRow;
let authorization: string;

beforeAll(async () => {
  fake = await startFakeInfobip();
  const built = await buildTestApp();
  app = built.app;
  connection = await createTestConnection(built.ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
  authorization = `App ${(await createApiKeyRecord(built.db.orm, 'scenario', null)).key}`;
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

/** One /ccaas/1 call; `template` is the reference path the answer is validated against. */
async function ccaas(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  template: string,
  params: Record<string, string>,
  options: { body?: unknown; agentId?: string } = {},
): Promise<{ status: number; body: Json }> {
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const headers: Record<string, string> = { authorization };
  if (options.agentId) headers['x-agent-id'] = options.agentId;
  const request: InjectOptions = { method, url, headers };
  if (options.body !== undefined) request.payload = options.body as InjectOptions['payload'];
  const res = await app.inject(request);
  const body = res.body ? (res.json() as Json) : {};
  expect(
    validateResponse(method, template.split('?')[0] ?? template, res.statusCode, body),
    `${method} ${url}`,
  ).toEqual([]);
  return { status: res.statusCode, body };
}

const CONVERSATIONS = '/ccaas/1/conversations';
const CONVERSATION = '/ccaas/1/conversations/{conversationId}';
const customer = `3859${Date.now().toString().slice(-8)}`;

/** The customer writes; the webhook acknowledges at once and the message is processed in the background. */
async function customerWrites(text: string): Promise<void> {
  const res = await postWebhook(
    app,
    connection,
    incomingTextPayload({ from: customer, to: connection.sender, text }),
  );
  expect(res.statusCode).toBe(200);
}

/** Waits until the conversation list (newest first) shows a conversation whose latest inbound text is `text`. */
async function conversationReceiving(text: string): Promise<Json> {
  return eventually(async () => {
    const { body } = await ccaas('GET', `${CONVERSATIONS}?orderBy=createdAt:desc`, {});
    for (const conversation of body.conversations as Json[]) {
      const { body: page } = await ccaas('GET', `${CONVERSATION}/messages`, {
        conversationId: conversation.id,
      });
      if (
        (page.messages as Json[]).some(
          (m) => m.direction === 'INBOUND' && JSON.stringify(m.content).includes(text),
        )
      ) {
        // Read it again: the list was taken before the message (and its status change) committed.
        return (await ccaas('GET', CONVERSATION, { conversationId: conversation.id })).body;
      }
    }
    return undefined;
  }, `a conversation receiving "${text}"`);
}

const refusal = {
  requestError: { serviceException: { messageId: 'BAD_REQUEST', text: expect.any(String) } },
};

describe('an integrator runs a conversation through /ccaas/1 and the Infobip webhook', () => {
  it('goes from first message to a closed conversation and a new one', async () => {
    // Agents and a queue.
    const alice = (
      await ccaas(
        'POST',
        '/ccaas/1/agents',
        {},
        { body: { displayName: 'Alice', role: 'AGENT', status: 'ACTIVE' } },
      )
    ).body;
    const bob = (
      await ccaas(
        'POST',
        '/ccaas/1/agents',
        {},
        { body: { displayName: 'Bob', role: 'AGENT', status: 'ACTIVE' } },
      )
    ).body;
    const queue = (await ccaas('POST', '/ccaas/1/queues', {}, { body: { name: 'Support' } })).body;
    for (const agent of [alice, bob]) {
      const added = await ccaas(
        'POST',
        '/ccaas/1/agents/{agentId}/queues',
        { agentId: agent.id },
        { body: { queueId: queue.id } },
      );
      expect(added.status).toBe(200);
    }

    // An unknown customer writes: a new OPEN conversation.
    expect((await ccaas('GET', CONVERSATIONS, {})).body.conversations).toEqual([]);
    await customerWrites('Hello, my order is late');
    const first = await conversationReceiving('my order is late');
    expect(first.status).toBe('OPEN');
    const conversationId = first.id as string;

    // Into the queue and assigned to Alice.
    const moved = await ccaas('PATCH', CONVERSATION, { conversationId }, { body: { queueId: queue.id } });
    expect(moved.body.queueId).toBe(queue.id);
    const assigned = await ccaas(
      'PUT',
      `${CONVERSATION}/assignee`,
      { conversationId },
      { body: { agentId: alice.id } },
    );
    expect(assigned.body.agentId).toBe(alice.id);
    const alices = await ccaas('GET', '/ccaas/1/agents/{agentId}/conversations', { agentId: alice.id });
    expect(alices.body.conversations.map((c: Json) => c.id)).toEqual([conversationId]);

    // Alice replies through x-agent-id; the fake Infobip receives it for the customer.
    const reply = await ccaas(
      'POST',
      `${CONVERSATION}/messages`,
      { conversationId },
      {
        agentId: alice.id,
        body: {
          channel: 'WHATSAPP',
          from: connection.sender,
          to: customer,
          contentType: 'TEXT',
          content: { text: 'Sorry! It ships today.' },
        },
      },
    );
    expect(reply.status).toBe(200);
    const sent = await eventually(
      async () =>
        fake.received
          .map((r) => r.body.messages[0])
          .find((m) => JSON.stringify(m).includes('It ships today')),
      'the reply at the fake Infobip',
    );
    expect(sent).toMatchObject({
      channel: 'WHATSAPP',
      sender: connection.sender,
      destinations: [{ to: customer }],
    });

    // SOLVED; the customer writes again and the same conversation reopens.
    const solved = await ccaas(
      'PATCH',
      CONVERSATION,
      { conversationId },
      { agentId: alice.id, body: { status: 'SOLVED' } },
    );
    expect(solved.body.status).toBe('SOLVED');
    await customerWrites('Thanks, one more question');
    const reopened = await conversationReceiving('one more question');
    expect(reopened).toMatchObject({ id: conversationId, status: 'OPEN', agentId: alice.id });
    expect((await ccaas('GET', CONVERSATIONS, {})).body.pagination.totalItems).toBe(1);

    // CLOSED: every change is refused in Infobip's envelope.
    const closed = await ccaas(
      'PATCH',
      CONVERSATION,
      { conversationId },
      { agentId: alice.id, body: { status: 'CLOSED' } },
    );
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    const changes: Array<[Parameters<typeof ccaas>[0], string, Parameters<typeof ccaas>[3]]> = [
      ['PATCH', CONVERSATION, { body: { topic: 'Reopen me' } }],
      ['PATCH', CONVERSATION, { body: { status: 'OPEN' } }],
      ['PUT', `${CONVERSATION}/assignee`, { body: { agentId: bob.id } }],
      ['DELETE', `${CONVERSATION}/assignee`, {}],
      [
        'POST',
        `${CONVERSATION}/notes`,
        { agentId: alice.id, body: { content: 'Late note', agentId: alice.id } },
      ],
      [
        'POST',
        `${CONVERSATION}/messages`,
        {
          agentId: alice.id,
          body: {
            channel: 'WHATSAPP',
            from: connection.sender,
            to: customer,
            contentType: 'TEXT',
            content: { text: 'Still there?' },
          },
        },
      ],
    ];
    for (const [method, template, options] of changes) {
      const refused = await ccaas(method, template, { conversationId }, options);
      expect({ status: refused.status, body: refused.body }, `${method} ${template}`).toMatchObject({
        status: 400,
        body: refusal,
      });
    }
    const unchanged = await ccaas('GET', CONVERSATION, { conversationId });
    expect(unchanged.body).toEqual(closed.body);

    // The customer writes after CLOSED: a new conversation starts; the closed one stays as it was.
    await customerWrites('Hi again, new problem');
    const second = await conversationReceiving('new problem');
    expect(second.id).not.toBe(conversationId);
    expect(second.status).toBe('OPEN');
    expect((await ccaas('GET', CONVERSATION, { conversationId })).body).toEqual(closed.body);
    expect((await ccaas('GET', CONVERSATIONS, {})).body.pagination.totalItems).toBe(2);
  });
});

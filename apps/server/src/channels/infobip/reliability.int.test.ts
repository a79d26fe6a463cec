import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { ChannelConnectionRow } from '../../modules/channel-connections/channel-connections.repo.ts';
import type { Actor } from '../../modules/conversations/conversations.policy.ts';
import { sendAgentMessage } from '../../modules/messages/messages.service.ts';
import { insertTestUser } from '../../modules/users/test-helpers.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { runSend } from '../outbound.jobs.ts';
import { incomingTextPayload } from './fake-events.ts';
import { type FakeInfobip, startFakeInfobip } from './fake-provider.ts';
import { createTestConnection, eventually, postWebhook } from './test-support.ts';

// Never sent twice, through an outage: Infobip refuses connections for a while, then answers 500s,
// then recovers. Every message ends SENT and the provider received each exactly once.

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let connection: ChannelConnectionRow;
let supervisor: Actor;

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp());
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
  const user = await insertTestUser(db, ['agent', 'supervisor']);
  supervisor = { kind: 'supervisor', userId: user.id };
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

async function statesOf(ids: string[]): Promise<string[]> {
  const { rows } = await db.pool.query<{ id: string; delivery_state: string }>(
    'select id, delivery_state from messages where id = any($1)',
    [ids],
  );
  return ids.map((id) => rows.find((r) => r.id === id)?.delivery_state ?? 'missing');
}

describe('sending through a provider outage', () => {
  it('delivers every message exactly once after refused connections and 500s', async () => {
    const customer = `3859${Math.floor(Math.random() * 1e8)}`;
    await postWebhook(
      app,
      connection,
      incomingTextPayload({ from: customer, to: connection.sender, text: 'Hi' }),
    );
    const conversationId = await eventually(async () => {
      const { rows } = await db.pool.query<{ conversation_id: string }>(
        'select conversation_id from messages where from_address = $1',
        [customer],
      );
      return rows[0]?.conversation_id;
    }, 'the inbound message');

    await fake.stopListening();
    const ids: string[] = [];
    for (const text of ['One', 'Two', 'Three']) {
      const { message } = await sendAgentMessage(ctx.events, supervisor, conversationId, {
        contentType: 'TEXT',
        content: { text },
      });
      ids.push(message.id);
    }
    // Refused before anything was sent: each stays PENDING with a retry queued, none FAILED.
    for (const id of ids) await runSend(ctx, { messageId: id });
    expect(await statesOf(ids)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    expect(fake.received).toHaveLength(0);

    await fake.listenAgain();
    fake.failNext(2, 500);
    // The retries (the queued jobs and these direct runs racing them) go through once Infobip is back.
    const states = await eventually(async () => {
      for (const id of ids) await runSend(ctx, { messageId: id });
      const now = await statesOf(ids);
      return now.every((s) => s !== 'PENDING' && s !== 'SENDING') ? now : undefined;
    }, 'every message sent');
    expect(states).toEqual(['SENT', 'SENT', 'SENT']);
    for (const id of ids) {
      expect(fake.received.filter((r) => r.messageIds.includes(id))).toHaveLength(1);
    }
    expect(fake.received).toHaveLength(3);
  });
});

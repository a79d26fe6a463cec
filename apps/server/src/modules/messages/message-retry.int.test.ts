import type { TimelineMessage } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import { type FakeInfobip, startFakeInfobip } from '../../channels/infobip/fake-provider.ts';
import {
  createTestConnection,
  eventually,
  type TestConnection,
} from '../../channels/infobip/test-support.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { customerWrote } from '../channel-rules/test-support.ts';
import { signedInUser, type TestSession } from '../users/test-helpers.ts';

// `POST /api/messages/:id/retry`: a message the provider refused goes out again — the same message.

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let connection: TestConnection;
let supervisor: TestSession;

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp());
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
  supervisor = await signedInUser(app, db, ['supervisor', 'agent']);
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const retry = (messageId: string, session: TestSession | null = supervisor) =>
  app.inject({ method: 'POST', url: `/api/messages/${messageId}/retry`, headers: session?.headers ?? {} });

const stateOf = async (messageId: string) =>
  (
    await db.pool.query<{ delivery_state: string; failure_reason: string | null }>(
      'select delivery_state, failure_reason from messages where id = $1',
      [messageId],
    )
  ).rows[0];

const waitFor = (messageId: string, state: string) =>
  eventually(async () => {
    const row = await stateOf(messageId);
    return row?.delivery_state === state ? row : undefined;
  }, `${messageId} to be ${state}`);

/** A reply the provider refuses with 400: FAILED with Infobip's reason. */
async function failedReply(hoursAgo = 1): Promise<{ conversationId: string; messageId: string }> {
  const { conversationId } = await customerWrote(app, db, connection, { hoursAgo });
  fake.failNext(1, 400);
  const res = await app.inject({
    method: 'POST',
    url: `/api/conversations/${conversationId}/messages`,
    headers: supervisor.headers,
    payload: { clientId: crypto.randomUUID(), text: 'Your parcel is on its way' },
  });
  expect(res.statusCode).toBe(201);
  const messageId = (res.json() as TimelineMessage).id;
  await waitFor(messageId, 'FAILED');
  return { conversationId, messageId };
}

describe('POST /api/messages/:id/retry', () => {
  it('sends the same FAILED message again: PENDING without its reason, then SENT, never a copy', async () => {
    const { conversationId, messageId } = await failedReply();
    expect((await stateOf(messageId))?.failure_reason).toMatch(/\S/);
    const res = await retry(messageId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: messageId, deliveryState: 'PENDING' });
    expect((res.json() as TimelineMessage).failureReason).toBeUndefined();
    await waitFor(messageId, 'SENT');
    const rows = await db.pool.query(
      'select id from messages where conversation_id = $1 and direction = $2',
      [conversationId, 'OUTBOUND'],
    );
    expect(rows.rows.map((r) => r.id)).toEqual([messageId]);
    expect(fake.received.filter((s) => s.messageIds.includes(messageId))).toHaveLength(1);
  });

  it('refuses a message that has not failed (409 message_not_failed)', async () => {
    const { messageId } = await failedReply();
    expect((await retry(messageId)).statusCode).toBe(200);
    await waitFor(messageId, 'SENT');
    const res = await retry(messageId);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'message_not_failed']);
  });

  it('refuses free text once the WhatsApp window has closed since it failed (422)', async () => {
    const { messageId } = await failedReply(1);
    // The customer's message now lies more than 24 hours back.
    await db.pool.query(
      `update messages set received_at = received_at - interval '24 hours', created_at = created_at - interval '24 hours'
       where conversation_id = (select conversation_id from messages where id = $1) and direction = 'INBOUND'`,
      [messageId],
    );
    const res = await retry(messageId);
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'whatsapp_window_closed']);
    expect((await stateOf(messageId))?.delivery_state).toBe('FAILED');
  });

  it('answers 401 without a session, 403 to an agent who may not reply, 404 for an unknown message', async () => {
    const { messageId } = await failedReply();
    expect((await retry(messageId, null)).statusCode).toBe(401);
    const admin = await signedInUser(app, db, ['admin']);
    expect((await retry(messageId, admin)).statusCode).toBe(403);
    // An agent sees the unassigned conversation (Default queue) but only its assignee may reply.
    const agent = await signedInUser(app, db, ['agent']);
    const res = await retry(messageId, agent);
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'reply_forbidden']);
    expect((await retry(crypto.randomUUID())).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../test/app.ts';
import type { App } from '../app.ts';
import { ingestInbound } from '../modules/messages/inbound.service.ts';
import { insertMessage } from '../modules/messages/messages.repo.ts';
import { insertTestUser } from '../modules/users/test-helpers.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/client.ts';
import { type FakeInfobip, startFakeInfobip } from './infobip/fake-provider.ts';
import { createTestConnection, type TestConnection } from './infobip/test-support.ts';
import {
  failStaleSends,
  requeuePendingSends,
  runSend,
  SEND_JOB,
  STALE_CLAIM_SECONDS,
} from './outbound.jobs.ts';

// The generic send job's guarantees, driven directly (JOBS_ENABLED=false: no worker competes).

let app: App;
let ctx: AppContext;
let db: Db;
let fake: FakeInfobip;
let connection: TestConnection;
let authorUserId: string;

beforeAll(async () => {
  fake = await startFakeInfobip();
  ({ app, ctx, db } = await buildTestApp({ JOBS_ENABLED: 'false' }));
  connection = await createTestConnection(ctx, { baseUrl: fake.baseUrl, apiKey: fake.apiKey });
  authorUserId = (await insertTestUser(db, ['agent'])).id;
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

/** A PENDING agent reply stored without its event, so only the test's calls send it. */
async function pendingReply(text: string): Promise<string> {
  const customer = `3859${Math.floor(Math.random() * 1e8)}`;
  const ingested = await ingestInbound(ctx.events, {
    connectionId: connection.id,
    channel: 'WHATSAPP',
    providerMessageId: crypto.randomUUID(),
    from: customer,
    to: connection.sender,
    receivedAt: new Date().toISOString(),
    contentType: 'TEXT',
    content: { text: 'Hi' },
  });
  if (ingested.duplicate) throw new Error('duplicate');
  const message = await insertMessage(db.orm, {
    conversationId: ingested.conversationId,
    direction: 'OUTBOUND',
    channel: 'WHATSAPP',
    fromAddress: connection.sender,
    toAddress: customer,
    authorKind: 'AGENT',
    authorUserId,
    contentType: 'TEXT',
    content: { text },
    deliveryState: 'PENDING',
    clientId: null,
  });
  return message.id;
}

const stateOf = async (id: string) =>
  (
    await db.pool.query(
      'select delivery_state, failure_reason, send_claimed_at, send_attempts from messages where id = $1',
      [id],
    )
  ).rows[0];
const sendsOf = (id: string) => fake.received.filter((s) => s.messageIds.includes(id));

describe('generic outbound send job', () => {
  it('sends a message once however many jobs run for it at the same time', async () => {
    const id = await pendingReply('Only once');
    await Promise.all([
      runSend(ctx, { messageId: id }),
      runSend(ctx, { messageId: id }),
      runSend(ctx, { messageId: id }),
    ]);
    expect(sendsOf(id)).toHaveLength(1);
    expect(await stateOf(id)).toMatchObject({
      delivery_state: 'SENT',
      send_claimed_at: null,
      send_attempts: 0,
    });
    await runSend(ctx, { messageId: id });
    expect(sendsOf(id)).toHaveLength(1);
  });

  it('releases the claim after a retryable failure and counts the attempt; a non-retryable one fails the message', async () => {
    const retried = await pendingReply('Rate limited');
    fake.failNext(1, 429);
    await runSend(ctx, { messageId: retried });
    expect(await stateOf(retried)).toMatchObject({
      delivery_state: 'PENDING',
      send_claimed_at: null,
      send_attempts: 1,
    });
    await runSend(ctx, { messageId: retried });
    expect(await stateOf(retried)).toMatchObject({ delivery_state: 'SENT' });
    const refused = await pendingReply('Refused');
    fake.failNext(1, 400);
    await runSend(ctx, { messageId: refused });
    expect(await stateOf(refused)).toMatchObject({ delivery_state: 'FAILED', send_attempts: 0 });
  });

  it('fails, never resends, a message whose claim a dead process left behind', async () => {
    const id = await pendingReply('Lost in a crash');
    await db.pool.query(
      `update messages set send_claimed_at = now() - make_interval(secs => $2), send_attempts = 1 where id = $1`,
      [id, STALE_CLAIM_SECONDS + 5],
    );
    await runSend(ctx, { messageId: id });
    expect(sendsOf(id)).toHaveLength(0);
    expect(await failStaleSends(ctx)).toBeGreaterThanOrEqual(1);
    expect(await stateOf(id)).toMatchObject({
      delivery_state: 'FAILED',
      failure_reason: expect.stringContaining('not sent again'),
      send_claimed_at: null,
    });
    expect(sendsOf(id)).toHaveLength(0);
  });

  it('keeps the claim when the retry cannot be queued, so the message is never left without a job', async () => {
    const id = await pendingReply('Queue down');
    fake.failNext(1, 500);
    const send = vi.spyOn(ctx.jobs, 'send').mockRejectedValueOnce(new Error('queue unavailable'));
    await expect(runSend(ctx, { messageId: id })).rejects.toThrow('queue unavailable');
    send.mockRestore();
    const state = await stateOf(id);
    expect(state).toMatchObject({ delivery_state: 'PENDING' });
    expect(state?.send_claimed_at).not.toBeNull();
  });

  it('queues again the PENDING messages no job holds, once per message', async () => {
    const id = await pendingReply('Job lost');
    await db.pool.query(`update messages set created_at = now() - interval '2 minutes' where id = $1`, [id]);
    expect(await requeuePendingSends(ctx)).toBeGreaterThanOrEqual(1);
    await requeuePendingSends(ctx);
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1 and singleton_key = $2 and state = 'created'`,
      [SEND_JOB, id],
    );
    expect(rows[0]?.n).toBe(1);
    await runSend(ctx, { messageId: id });
    expect(await stateOf(id)).toMatchObject({ delivery_state: 'SENT' });
  });
});

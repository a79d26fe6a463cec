import type { Role } from '@parley/contracts';
import { buildTestApp } from '../../../test/app.ts';
import { findMessageByClientId } from '../messages/messages.repo.ts';
import { createQueue, setQueueMembers } from '../queues/queues.service.ts';
import { createTag } from '../tags/tags.service.ts';
import { createApiKeyRecord } from '../users/api-keys.service.ts';
import { insertTestUser, signIn, type TestSession } from '../users/test-helpers.ts';
import type { Actor } from './conversations.policy.ts';
import { findConversationById } from './conversations.repo.ts';
import {
  addConversationTag,
  assignConversation,
  changeConversationQueue,
  setConversationStatus,
} from './conversations.service.ts';
import { connectTestSender, DESK_SENDER } from './test-fixtures.ts';
import { createConversation } from './threading.ts';

/** The state a test conversation is put in before a route acts on it. */
export interface ConversationSetup {
  assigneeUserId?: string | null;
  queueId?: string;
  tagged?: boolean;
  closed?: boolean;
}

/**
 * A desk for route tests of conversation changes, on a fresh app: agents `a`, `b`, `c` (members of
 * `sales`), `outsider` (no queue), a `supervisor` (also an agent), a conversation tag, an API key,
 * the connected SMS sender DESK_SENDER, and a builder of conversations in a given state (each on
 * its own customer thread).
 */
export async function createWriteDesk() {
  const { app, ctx, db } = await buildTestApp();
  const person = async (roles: Role[]) => signIn(app, (await insertTestUser(db, roles)).email);
  const [a, b, c, outsider, supervisor] = await Promise.all([
    person(['agent']),
    person(['agent']),
    person(['agent']),
    person(['agent']),
    person(['agent', 'supervisor']),
  ]);
  const SUPERVISOR: Actor = { kind: 'supervisor', userId: supervisor.user.id };
  await connectTestSender(db, 'SMS', DESK_SENDER);
  const sales = await createQueue(ctx.events, 'Sales');
  const hidden = await createQueue(ctx.events, 'Hidden');
  await setQueueMembers(ctx.events, sales.id, [a.user.id, b.user.id, c.user.id, supervisor.user.id]);
  const tag = await createTag(ctx.events, { name: 'vip', kind: 'conversation' });
  const apiKey = { authorization: `App ${(await createApiKeyRecord(db.orm, 'write test', null)).key}` };
  let seq = 0;

  /** A conversation on a fresh SMS thread, in the Default queue unless told, set up by a supervisor. */
  async function conversation(setup: ConversationSetup = {}): Promise<string> {
    seq += 1;
    const conv = await createConversation(ctx.events, SUPERVISOR, {
      channel: 'SMS',
      ourAddress: DESK_SENDER,
      customerAddress: `3859100${String(seq).padStart(5, '0')}`,
    });
    if (setup.queueId) await changeConversationQueue(ctx.events, SUPERVISOR, conv.id, setup.queueId);
    if (setup.assigneeUserId) await assignConversation(ctx.events, SUPERVISOR, conv.id, setup.assigneeUserId);
    if (setup.tagged) await addConversationTag(ctx.events, SUPERVISOR, conv.id, tag.id);
    if (setup.closed) await setConversationStatus(ctx.events, SUPERVISOR, conv.id, 'CLOSED');
    return conv.id;
  }

  /** Everything a route could change about a conversation: its row, tags, log, messages and notes. */
  async function snapshot(conversationId: string) {
    const count = async (table: string) =>
      (
        await db.pool.query(`select count(*)::int as n from ${table} where conversation_id = $1`, [
          conversationId,
        ])
      ).rows[0].n as number;
    return {
      row: await findConversationById(db.orm, conversationId),
      tags: await count('conversation_tags'),
      log: await count('conversation_log'),
      messages: await count('messages'),
      notes: await count('notes'),
    };
  }

  const call = (
    session: TestSession | { authorization: string } | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      ...(payload && { payload }),
      ...(session && { headers: 'headers' in session ? session.headers : session }),
    });

  const messageByClientId = (conversationId: string, clientId: string) =>
    findMessageByClientId(db.orm, conversationId, clientId);

  return {
    app,
    ctx,
    db,
    a,
    b,
    c,
    outsider,
    supervisor,
    sales,
    hidden,
    tag,
    apiKey,
    conversation,
    snapshot,
    call,
    messageByClientId,
  };
}

export type WriteDesk = Awaited<ReturnType<typeof createWriteDesk>>;

export const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

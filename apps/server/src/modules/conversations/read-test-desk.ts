import type { InboundMessage, Role } from '@parley/contracts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { createQueue, ensureDefaultQueue, setQueueMembers } from '../queues/queues.service.ts';
import { insertTestUser, signIn, type TestSession } from '../users/test-helpers.ts';
import { assignConversation, changeConversationQueue } from './conversations.service.ts';
import { connectTestSender, DESK_SENDER } from './test-fixtures.ts';

/**
 * A desk for read-side tests, built through the app's own events so realtime handlers run:
 * `member` belongs to `sales`, `outsider` does not, `supervisor` sees everything.
 */
export async function createReadDesk(app: App, ctx: AppContext, db: Db) {
  const suffix = crypto.randomUUID().slice(0, 8);
  const person = async (roles: Role[]) => {
    const user = await insertTestUser(db, roles);
    return signIn(app, user.email);
  };
  const [member, outsider, supervisor] = await Promise.all([
    person(['agent']),
    person(['agent']),
    person(['agent', 'supervisor']),
  ]);
  // Replies go out on the SMS sender the inbound messages arrive at.
  await connectTestSender(db, 'SMS', DESK_SENDER);
  const defaultQueue = await ensureDefaultQueue(db.orm);
  const sales = await createQueue(ctx.events, `Sales ${suffix}`);
  await setQueueMembers(ctx.events, sales.id, [member.user.id]);
  const SUPERVISOR = { kind: 'supervisor', userId: supervisor.user.id } as const;
  let seq = 0;

  /** An inbound message from customer `from` (a new address starts a new conversation). */
  const receive = async (from: string, text = 'Hello', overrides: Partial<InboundMessage> = {}) => {
    const result = await ingestInbound(ctx.events, {
      connectionId: '00000000-0000-4000-8000-000000000001',
      channel: 'SMS',
      providerMessageId: crypto.randomUUID(),
      from,
      to: DESK_SENDER,
      receivedAt: new Date().toISOString(),
      contentType: 'TEXT',
      content: { text },
      ...overrides,
    });
    if (result.duplicate) throw new Error('unexpected duplicate');
    return result;
  };
  /** A fresh customer address, unique to this desk. */
  const address = () =>
    `385${suffix.replace(/\D/g, '').padEnd(6, '7').slice(0, 6)}${String(++seq).padStart(3, '0')}`;
  const moveToSales = (conversationId: string) =>
    changeConversationQueue(ctx.events, SUPERVISOR, conversationId, sales.id);
  const assign = (conversationId: string, userId: string | null) =>
    assignConversation(ctx.events, SUPERVISOR, conversationId, userId);
  const get = (session: TestSession, url: string) =>
    app.inject({ method: 'GET', url, headers: session.headers });
  const post = (session: TestSession, url: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: session.headers, ...(payload && { payload }) });
  return {
    member,
    outsider,
    supervisor,
    defaultQueue,
    sales,
    receive,
    address,
    moveToSales,
    assign,
    get,
    post,
  };
}

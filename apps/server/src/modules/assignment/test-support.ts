import type { Availability, QueueSettings, Role } from '@parley/contracts';
import { buildTestApp } from '../../../test/app.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { connectTestSender } from '../conversations/test-fixtures.ts';
import { ingestInbound } from '../messages/inbound.service.ts';
import { updateQueueSettings } from '../queues/queue-settings.service.ts';
import { createQueue, setQueueMembers } from '../queues/queues.service.ts';
import { changeOwnAvailability } from '../users/availability.service.ts';
import { insertTestUser, signIn } from '../users/test-helpers.ts';

/** Our SMS sender on the routing desk. */
export const ROUTING_SENDER = '44555';

/**
 * A desk for routing and assignment tests on a fresh app (its handlers run): agents, queues with
 * settings, customer messages from fresh addresses, and `settle()` to wait for the after-commit
 * routing and assignment to finish.
 */
export async function createRoutingDesk() {
  const built = await buildTestApp();
  const { app, ctx, db } = built;
  await connectTestSender(db, 'SMS', ROUTING_SENDER);
  let seq = 0;
  const settle = () => ctx.events.drain();

  async function agent(availability: Availability = 'ACTIVE', roles: Role[] = ['agent']) {
    const user = await insertTestUser(db, roles);
    await changeOwnAvailability(ctx.events, user.id, availability);
    await settle();
    return user.id;
  }

  async function queue(members: string[], settings: Partial<QueueSettings> = {}) {
    seq += 1;
    const q = await createQueue(ctx.events, `Queue ${seq} ${crypto.randomUUID().slice(0, 6)}`);
    await setQueueMembers(ctx.events, q.id, members);
    await updateQueueSettings(ctx.events, q.id, settings);
    await settle();
    return q.id;
  }

  /** A customer message (fresh address unless `from` is given); resolves with its conversation once settled. */
  async function message(text: string, options: { from?: string; channel?: 'SMS' } = {}) {
    seq += 1;
    const from =
      options.from ?? `3859${String(Date.now() % 1e6).padStart(6, '0')}${String(seq).padStart(4, '0')}`;
    const result = await ingestInbound(ctx.events, {
      connectionId: '00000000-0000-4000-8000-000000000001',
      channel: options.channel ?? 'SMS',
      providerMessageId: crypto.randomUUID(),
      from,
      to: ROUTING_SENDER,
      receivedAt: new Date().toISOString(),
      contentType: 'TEXT',
      content: { text },
    });
    if (result.duplicate) throw new Error('message taken for a duplicate');
    await settle();
    return conversation(result.conversationId);
  }

  async function conversation(id: string) {
    const conv = await findConversationById(db.orm, id);
    if (!conv) throw new Error(`conversation ${id} not found`);
    return conv;
  }

  const setAvailability = async (userId: string, availability: Availability) => {
    await changeOwnAvailability(ctx.events, userId, availability);
    await settle();
  };

  const supervisor = await signIn(app, (await insertTestUser(db, ['agent', 'supervisor'])).email);
  const plainAgent = await signIn(app, (await insertTestUser(db, ['agent'])).email);

  return { ...built, settle, agent, queue, message, conversation, setAvailability, supervisor, plainAgent };
}

export type RoutingDesk = Awaited<ReturnType<typeof createRoutingDesk>>;

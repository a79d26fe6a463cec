import type { ConnectionChannel, InboundMessage } from '@parley/contracts';
import pino from 'pino';
import { hashWebhookSecret } from '../../channels/webhook-secret.ts';
import type { Db } from '../../platform/db/client.ts';
import { createEvents } from '../../platform/events/events.ts';
import type { Events } from '../../platform/events/types.ts';
import { channelConnections } from '../channel-connections/channel-connections.schema.ts';
import { createQueue, ensureDefaultQueue, setQueueMembers } from '../queues/queues.service.ts';
import { createTag } from '../tags/tags.service.ts';
import { insertTestUser } from '../users/test-helpers.ts';
import type { Actor } from './conversations.policy.ts';

/**
 * Makes `sender` an enabled sender of ours on `channel`, as an admin's connection would, so agents
 * may start conversations and reply there (sending refuses `channel_unavailable` without).
 * Idempotent: several desks on one database share the sender. The provider address is
 * unreachable, so a send job that does run never reaches anyone.
 */
export async function connectTestSender(db: Db, channel: ConnectionChannel, sender: string): Promise<void> {
  await db.orm
    .insert(channelConnections)
    .values({
      id: crypto.randomUUID(),
      channel,
      provider: 'infobip',
      name: `Test ${channel} ${sender}`,
      sender,
      settings: { baseUrl: 'http://127.0.0.1:9', apiKey: 'test-api-key-0000' },
      webhookSecretHash: hashWebhookSecret(crypto.randomUUID()),
    })
    .onConflictDoNothing();
}

/** Our SMS sender on every test desk (connected by createDesk). */
export const DESK_SENDER = '44123';

/**
 * A desk for conversation tests: two agents (`agentA` a member of `queue`, `agentB` not), a
 * supervisor who is also a member, the Default queue, one conversation tag, a connected SMS sender
 * (DESK_SENDER), and an inbound message builder with fresh provider ids.
 */
export async function createDesk(db: Db) {
  const events: Events = createEvents(db, pino({ level: 'silent' }));
  const suffix = crypto.randomUUID().slice(0, 8);
  const [a, b, s] = await Promise.all([
    insertTestUser(db, ['agent']),
    insertTestUser(db, ['agent']),
    insertTestUser(db, ['agent', 'supervisor']),
  ]);
  // The inbound builder's channel and sender: replies on the desk's conversations can go out.
  await connectTestSender(db, 'SMS', DESK_SENDER);
  const defaultQueue = await ensureDefaultQueue(db.orm);
  const queue = await createQueue(events, `Sales ${suffix}`);
  await setQueueMembers(events, queue.id, [a.id, s.id]);
  const tag = await createTag(events, { name: `vip-${suffix}`, kind: 'conversation' });
  const agentA: Actor = { kind: 'agent', userId: a.id };
  const agentB: Actor = { kind: 'agent', userId: b.id };
  const supervisor: Actor = { kind: 'supervisor', userId: s.id };
  const inbound = (overrides: Partial<InboundMessage> = {}): InboundMessage => ({
    connectionId: '00000000-0000-4000-8000-000000000001',
    channel: 'SMS',
    providerMessageId: crypto.randomUUID(),
    from: `3859${suffix.replace(/\D/g, '').padEnd(8, '1')}`,
    to: DESK_SENDER,
    receivedAt: new Date().toISOString(),
    contentType: 'TEXT',
    content: { text: 'Hello' },
    ...overrides,
  });
  return { events, agentA, agentB, supervisor, defaultQueue, queue, tag, inbound, suffix };
}

export type Desk = Awaited<ReturnType<typeof createDesk>>;

/** Change-log rows of one conversation, oldest first. */
export async function logOf(db: Db, conversationId: string) {
  const { rows } = await db.pool.query(
    `select kind, "from", "to", actor_kind as "actorKind", actor_user_id as "actorUserId"
       from conversation_log where conversation_id = $1 order by created_at, id`,
    [conversationId],
  );
  return rows as {
    kind: string;
    from: unknown;
    to: unknown;
    actorKind: string;
    actorUserId: string | null;
  }[];
}

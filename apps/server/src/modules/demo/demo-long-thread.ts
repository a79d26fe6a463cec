import type { ActorKind, ConversationLogKind, DeliveryState, MessageDirection } from '@parley/contracts';
import type { ConversationLogValue } from '../conversations/conversation-log.schema.ts';
import type { DemoWorld } from './demo-conversation.ts';
import { OUR_ADDRESSES } from './demo-people.ts';
import { AGENT_FILLERS, CUSTOMER_FILLERS, DEMO_SCRIPTS, NOTES } from './demo-scripts.ts';
import type { DemoCustomer, DemoData } from './demo-types.ts';

// One very long conversation (a business customer ordering for their shop over a month), so the
// virtualised timeline and its paging can be tried and measured (`npm run bench -- open-conversation`).

export const LONG_THREAD_TOPIC = 'Long-running order thread';
export const LONG_THREAD_MESSAGES = 5000;
/** Customer messages at the end that agent1 has not read yet. */
const UNREAD_AT_END = 3;
/** Every this many messages the agent puts it on WAITING and the customer's next message reopens it. */
const WAITING_EVERY = 400;
const NOTE_EVERY = 600;
/** The agent's first reply from here on failed (a WhatsApp 24-hour window refusal). */
const FAILED_FROM = 2500;

const MINUTE = 60_000;
const DAY = 86_400_000;

type Turn = { direction: MessageDirection; line: string };

/**
 * The thread as a run of episodes, each one of the demo scripts in order (opening, reply, follow-up,
 * reply …), so any stretch of it reads like a real exchange; now and then the customer writes twice.
 * It ends on the agent's reply followed by the customer's unread messages.
 */
function turnsOf(world: DemoWorld): Turn[] {
  const { prng } = world;
  const turns: Turn[] = [];
  const body = LONG_THREAD_MESSAGES - UNREAD_AT_END;
  while (turns.length < body) {
    const script = prng.pick(DEMO_SCRIPTS);
    const customerLines = [prng.pick(script.openings), ...script.followUps];
    customerLines.forEach((line, i) => {
      turns.push({ direction: 'INBOUND', line });
      if (prng.chance(0.1)) turns.push({ direction: 'INBOUND', line: prng.pick(CUSTOMER_FILLERS) });
      turns.push({ direction: 'OUTBOUND', line: script.replies[i] ?? prng.pick(AGENT_FILLERS) });
    });
  }
  turns.length = body;
  turns[body - 1] = { direction: 'OUTBOUND', line: prng.pick(AGENT_FILLERS) };
  const last = prng.pick(DEMO_SCRIPTS);
  for (let i = 0; i < UNREAD_AT_END; i++) {
    turns.push({
      direction: 'INBOUND',
      line: i === 0 ? prng.pick(last.openings) : (last.followUps[i - 1] ?? prng.pick(CUSTOMER_FILLERS)),
    });
  }
  return turns;
}

/**
 * Adds the 5,000-message conversation of agent1 (OPEN, HIGH, Sales queue, WhatsApp) with its change
 * log (routing, assignment, priority, tag, WAITING/reopen cycles, one failed delivery), notes, a read
 * cursor leaving the last customer messages unread, and a recent view by agent1.
 */
export function buildLongThread(world: DemoWorld, customer: DemoCustomer, now: number, out: DemoData): void {
  const { prng } = world;
  const agent = world.agents[0];
  if (!agent) throw new Error('the long thread needs agent1');
  const customerAddress = customer.addresses.WHATSAPP;
  if (!customerAddress) throw new Error('the long-thread customer needs a WhatsApp address');
  const ourAddress = OUR_ADDRESSES.WHATSAPP;
  const conversationId = world.newId();
  const start = now - 29 * DAY;
  const step = (now - 10 * MINUTE - start) / LONG_THREAD_MESSAGES;
  const fill = (text: string) =>
    text
      .replaceAll('{first}', customer.firstName)
      .replaceAll('{agent}', agent.firstName)
      .replaceAll('{order}', `PS-${prng.digits(6)}`)
      .replaceAll('{tracking}', `TRK${prng.digits(10)}`)
      .replaceAll('{amount}', `£${prng.int(9, 499)}.${prng.digits(2)}`);

  const turns = turnsOf(world);
  const dirs = turns.map((t) => t.direction);
  const lastOut = dirs.lastIndexOf('OUTBOUND');
  const failedAt = dirs.indexOf('OUTBOUND', FAILED_FROM);
  const messages = dirs.map((direction, i) => {
    const inbound = direction === 'INBOUND';
    const at = new Date(Math.round(start + i * step + prng.next() * step * 0.5));
    const deliveryState: DeliveryState = inbound
      ? 'RECEIVED'
      : i === failedAt
        ? 'FAILED'
        : i === lastOut
          ? 'DELIVERED'
          : 'SEEN';
    return {
      id: world.newId(),
      conversationId,
      direction,
      channel: 'WHATSAPP' as const,
      fromAddress: inbound ? customerAddress : ourAddress,
      toAddress: inbound ? ourAddress : customerAddress,
      authorKind: inbound ? ('CUSTOMER' as const) : ('AGENT' as const),
      authorUserId: inbound ? null : agent.id,
      contentType: 'TEXT' as const,
      content: { text: fill((turns[i] as Turn).line) },
      deliveryState,
      failureReason:
        deliveryState === 'FAILED'
          ? 'Re-engagement message: more than 24 hours passed since the customer last replied'
          : null,
      providerMessageId: deliveryState === 'FAILED' ? null : prng.hex(32),
      createdAt: at,
      updatedAt: at,
    };
  });
  out.messages.push(...messages);
  const timeOf = (i: number) => (messages[i] as (typeof messages)[number]).createdAt.getTime();

  const log = (
    kind: ConversationLogKind,
    from: ConversationLogValue,
    to: ConversationLogValue,
    actorKind: ActorKind,
    at: number,
  ) =>
    out.conversationLog.push({
      id: world.newId(),
      conversationId,
      kind,
      from,
      to,
      actorKind,
      actorUserId: actorKind === 'agent' ? agent.id : null,
      createdAt: new Date(at),
    });
  log('queue', null, world.queueIds.Sales, 'automation', timeOf(0) + 1000);
  log('assignment', null, { userId: agent.id }, 'automation', timeOf(0) + 2000);
  log('priority', 'NORMAL', 'HIGH', 'agent', timeOf(1) + 30_000);
  const orderTag = world.tagIds.order as string;
  log('tag', null, orderTag, 'agent', timeOf(1) + 40_000);
  out.conversationTags.push({ conversationId, tagId: orderTag, createdAt: new Date(timeOf(1) + 40_000) });
  // WAITING after an agent reply, reopened by the customer's next message (D2).
  for (let i = WAITING_EVERY; i < lastOut; i += WAITING_EVERY) {
    const waitAfter = dirs.indexOf('OUTBOUND', i);
    const reopenAt = dirs.indexOf('INBOUND', waitAfter);
    if (waitAfter < 0 || reopenAt < 0) break;
    log('status', 'OPEN', 'WAITING', 'agent', timeOf(waitAfter) + 5000);
    log('status', 'WAITING', 'OPEN', 'system', timeOf(reopenAt));
  }
  for (let i = NOTE_EVERY; i < lastOut; i += NOTE_EVERY) {
    out.notes.push({
      id: world.newId(),
      conversationId,
      authorUserId: prng.chance(0.3) ? world.supervisorId : agent.id,
      text: prng.pick(NOTES),
      createdAt: new Date(timeOf(i) + 30_000),
    });
  }

  const last = messages.at(-1)?.createdAt as Date;
  const readTo = messages[lastOut];
  out.conversations.push({
    id: conversationId,
    topic: LONG_THREAD_TOPIC,
    status: 'OPEN',
    priority: 'HIGH',
    queueId: world.queueIds.Sales,
    assigneeUserId: agent.id,
    customerId: customer.id,
    channel: 'WHATSAPP',
    ourAddress,
    customerAddress,
    summary: 'Shop owner re-ordering accessories and devices for resale; every order in one thread.',
    channels: ['WHATSAPP'],
    createdAt: messages[0]?.createdAt as Date,
    updatedAt: last,
    lastCustomerMessageAt: last,
    pendingSince: messages[lastOut + 1]?.createdAt as Date,
    closedAt: null,
  });
  if (readTo) {
    out.conversationReads.push({
      userId: agent.id,
      conversationId,
      lastReadMessageId: readTo.id,
      lastReadMessageAt: readTo.createdAt,
      updatedAt: readTo.createdAt,
    });
  }
  out.recentlyViewed.push({ userId: agent.id, conversationId, viewedAt: new Date(now - 5 * MINUTE) });
}

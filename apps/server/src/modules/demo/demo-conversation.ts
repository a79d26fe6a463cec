import type {
  Channel,
  ConversationStatus,
  DeliveryState,
  MessageDirection,
  Priority,
} from '@parley/contracts';
import type { MessageContent } from '../messages/messages.schema.ts';
import { finishConversation } from './demo-conversation-state.ts';
import { DEMO_QUEUES, type DemoQueueName } from './demo-people.ts';
import {
  AGENT_CLOSINGS,
  AGENT_FILLERS,
  AGENT_WAITING,
  CUSTOMER_FILLERS,
  CUSTOMER_THANKS,
  DEMO_SCRIPTS,
} from './demo-scripts.ts';
import type { DemoData } from './demo-types.ts';
import type { Prng } from './prng.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DemoAgent {
  id: string;
  firstName: string;
}

/** What every conversation draws on: randomness, ids and the installation's people, queues and tags. */
export interface DemoWorld {
  prng: Prng;
  newId(): string;
  /** agent1 … agent5 in order. */
  agents: readonly DemoAgent[];
  supervisorId: string;
  queueIds: Readonly<Record<DemoQueueName, string>>;
  tagIds: Readonly<Record<string, string>>;
}

/** One conversation to make: its thread key, final status and the time window it must fit in. */
export interface ConversationPlan {
  status: ConversationStatus;
  start: number;
  /** Nothing of the conversation (messages, log, closing) may happen after this instant. */
  end: number;
  channel: Channel;
  ourAddress: string;
  customerAddress: string;
  customer: { id: string; name: string; firstName: string; premium: boolean } | null;
  /** What the workspace showcase (demo-workspace.ts) requires instead of leaving it to chance. */
  shape?: ConversationShape;
}

/** Fixed traits of a showcase conversation. */
export interface ConversationShape {
  assignee: DemoAgent;
  /** Customer messages after the assignee's last reply: the agent's unread count (OPEN only). */
  unread?: number;
  note?: boolean;
  /** The assignee's last reply failed at the provider (with its reason). */
  failedReply?: boolean;
  /** The customer also wrote on this channel mid-conversation: an omnichannel conversation. */
  alsoOn?: { channel: Channel; ourAddress: string; customerAddress: string };
}

/** Start of the latest conversation of a thread, by its final status: open work is recent. */
export function latestStart(prng: Prng, status: ConversationStatus, now: number): number {
  const ago = { OPEN: [0.2, 96], WAITING: [2, 144], SOLVED: [24, 14 * 24], CLOSED: [24, 29 * 24] }[status];
  return now - prng.int(Math.round((ago[0] as number) * 60), (ago[1] as number) * 60) * 60_000;
}

/** Random gap before a message, by who speaks after whom (customers answer slower than agents). */
function gapBefore(prng: Prng, previous: MessageDirection, next: MessageDirection): number {
  const logUniform = (min: number, max: number) =>
    Math.exp(Math.log(min) + prng.next() * Math.log(max / min));
  if (previous === next) return logUniform(10_000, 3 * MINUTE);
  return next === 'OUTBOUND' ? logUniform(MINUTE, 90 * MINUTE) : logUniform(2 * MINUTE, 6 * HOUR);
}

function directions(
  prng: Prng,
  assigned: boolean,
  status: ConversationStatus,
  unread?: number,
): MessageDirection[] {
  if (!assigned) return Array.from({ length: prng.int(2, 3) }, () => 'INBOUND' as const);
  const dirs: MessageDirection[] = ['INBOUND'];
  if (unread !== undefined) {
    // A short exchange ending on the agent's reply, then the customer's unread messages.
    const n = prng.int(2, 8);
    while (dirs.length < n || dirs.at(-1) !== 'OUTBOUND') dirs.push(opposite(dirs.at(-1)));
    for (let i = 0; i < unread; i++) dirs.push('INBOUND');
    return dirs;
  }
  const n = prng.int(2, 14);
  while (dirs.length < n) {
    dirs.push(dirs.at(-1) === 'OUTBOUND' || prng.chance(0.8) ? opposite(dirs.at(-1)) : 'INBOUND');
  }
  // D2: a customer message reopens WAITING/SOLVED, and CLOSED ones end on the agent's word here.
  const mustEnd: MessageDirection = status === 'OPEN' && prng.chance(0.7) ? 'INBOUND' : 'OUTBOUND';
  if (dirs.at(-1) !== mustEnd) dirs.push(mustEnd);
  return dirs;
}

const opposite = (d: MessageDirection | undefined): MessageDirection =>
  d === 'INBOUND' ? 'OUTBOUND' : 'INBOUND';

/** Appends one conversation with its messages, tags, notes, change log and read state to `out`. */
export function buildConversation(world: DemoWorld, plan: ConversationPlan, out: DemoData): void {
  const { prng } = world;
  const script = prng.weighted(Object.fromEntries(DEMO_SCRIPTS.map((s, i) => [String(i), s.weight])));
  const s = DEMO_SCRIPTS[Number(script)] as (typeof DEMO_SCRIPTS)[number];
  const shape = plan.shape;
  let queueName: DemoQueueName = prng.chance(0.15) ? 'Default' : s.queue;
  // A fixed assignee must be a member of the queue (D3); every agent is in Default.
  if (shape && !DEMO_QUEUES[queueName].includes(world.agents.indexOf(shape.assignee) + 1))
    queueName = 'Default';
  const members = DEMO_QUEUES[queueName].map((n) => world.agents[n - 1] as DemoAgent);
  const assigned = shape !== undefined || plan.status !== 'OPEN' || prng.chance(0.65);
  const assignee = shape?.assignee ?? (assigned ? prng.pick(members) : null);
  const priority: Priority =
    s.tag === 'complaint'
      ? prng.pick(['HIGH', 'URGENT'])
      : prng.weighted({ NORMAL: 62, HIGH: 16, LOW: 14, URGENT: 8 });
  const dirs = directions(prng, assigned, plan.status, shape?.unread);
  const handoverAt = assigned && dirs.length >= 6 && prng.chance(0.12) ? prng.int(2, dirs.length - 2) : -1;
  const others = members.filter((m) => m !== assignee);
  const previous = handoverAt > 0 && others.length > 0 ? prng.pick(others) : null;

  // Offsets from the start: one per message, then the status changes after the last message.
  const offsets = [0];
  for (let i = 1; i < dirs.length; i++) {
    offsets.push(
      (offsets[i - 1] as number) +
        gapBefore(prng, dirs[i - 1] as MessageDirection, dirs[i] as MessageDirection),
    );
  }
  const last = offsets.at(-1) as number;
  const solvedOffset = last + prng.int(1, 10) * MINUTE;
  const closedOffset = solvedOffset + prng.int(10, 48 * 60) * MINUTE;
  const span = plan.status === 'CLOSED' ? closedOffset : plan.status === 'SOLVED' ? solvedOffset : last;
  const scale = span > 0 ? Math.min(1, ((plan.end - plan.start) * 0.95) / span) : 1;
  const at = (offset: number) => new Date(plan.start + Math.round(offset * scale));

  const conversationId = world.newId();
  const fill = (text: string, agent: DemoAgent | null) =>
    text
      .replaceAll('{first}', plan.customer?.firstName ?? 'there')
      .replaceAll('{agent}', agent?.firstName ?? 'team')
      .replaceAll('{order}', `PS-${prng.digits(6)}`)
      .replaceAll('{tracking}', `TRK${prng.digits(10)}`)
      .replaceAll('{amount}', `£${prng.int(9, 499)}.${prng.digits(2)}`);
  const authorAt = (i: number) => (previous && i < handoverAt ? previous : assignee);

  let inboundSeen = 0;
  let outboundSeen = 0;
  const lastInbound = dirs.lastIndexOf('INBOUND');
  const lastOutbound = dirs.lastIndexOf('OUTBOUND');
  // An omnichannel conversation has its middle third on the other channel.
  const onOther = (i: number) =>
    shape?.alsoOn !== undefined && i >= dirs.length / 3 && i < (2 * dirs.length) / 3;
  dirs.forEach((direction, i) => {
    const inbound = direction === 'INBOUND';
    const leg = onOther(i) ? (shape?.alsoOn as NonNullable<ConversationShape['alsoOn']>) : plan;
    const author = inbound ? null : authorAt(i);
    let content: MessageContent;
    let contentType: 'TEXT' | 'LOCATION' = 'TEXT';
    if (inbound) {
      const closingThanks =
        i === lastInbound && i > 0 && (plan.status === 'SOLVED' || plan.status === 'CLOSED');
      if (inboundSeen === 1 && s.tag === 'delivery' && prng.chance(0.2)) {
        contentType = 'LOCATION';
        content = { latitude: 51.5 + prng.next() / 10, longitude: -0.2 + prng.next() / 10, name: 'Home' };
      } else {
        const line =
          inboundSeen === 0
            ? prng.pick(s.openings)
            : closingThanks
              ? prng.pick(CUSTOMER_THANKS)
              : (s.followUps[inboundSeen - 1] ?? prng.pick(CUSTOMER_FILLERS));
        content = { text: fill(line, assignee) };
      }
      inboundSeen++;
    } else {
      const line =
        i === lastOutbound && plan.status === 'WAITING'
          ? prng.pick(AGENT_WAITING)
          : i === lastOutbound && (plan.status === 'SOLVED' || plan.status === 'CLOSED') && outboundSeen > 0
            ? prng.pick(AGENT_CLOSINGS)
            : (s.replies[inboundSeen - 1] ?? prng.pick(AGENT_FILLERS));
      content = { text: fill(line, author) };
      outboundSeen++;
    }
    if (leg.channel === 'EMAIL' && contentType === 'TEXT')
      content.subject = i === 0 ? s.topic : `Re: ${s.topic}`;
    const failed = !inbound && (shape?.failedReply ? i === lastOutbound : prng.chance(0.01));
    const deliveryState: DeliveryState = inbound
      ? 'RECEIVED'
      : failed
        ? 'FAILED'
        : leg.channel === 'SMS' || leg.channel === 'EMAIL' || (i === lastOutbound && prng.chance(0.5))
          ? 'DELIVERED'
          : 'SEEN';
    const id = world.newId();
    out.messages.push({
      id,
      conversationId,
      direction,
      channel: leg.channel,
      fromAddress: inbound ? leg.customerAddress : leg.ourAddress,
      toAddress: inbound ? leg.ourAddress : leg.customerAddress,
      authorKind: inbound ? 'CUSTOMER' : 'AGENT',
      authorUserId: author?.id ?? null,
      contentType,
      content,
      deliveryState,
      // Failed demo sends carry a provider reason, as real ones do, so the timeline shows why.
      failureReason: deliveryState === 'FAILED' ? 'Destination address is not valid' : null,
      providerMessageId: deliveryState === 'FAILED' ? null : prng.hex(32),
      createdAt: at(offsets[i] as number),
      updatedAt: at(offsets[i] as number),
    });
  });

  finishConversation(world, plan, out, {
    conversationId,
    script: s,
    queueName,
    priority,
    assignee,
    previous,
    handoverAt,
    messages: out.messages.slice(-dirs.length),
    closedAt: at(closedOffset),
    solvedAt: at(solvedOffset),
  });
}

import type { ActorKind, ConversationLogKind, Priority } from '@parley/contracts';
import type { ConversationLogValue } from '../conversations/conversation-log.schema.ts';
import type { ConversationPlan, DemoAgent, DemoWorld } from './demo-conversation.ts';
import type { DemoQueueName } from './demo-people.ts';
import { type DemoScript, NOTES } from './demo-scripts.ts';
import type { DemoData } from './demo-types.ts';

type MessageRow = DemoData['messages'][number];

/** What `buildConversation` decided, for the parts that follow from it. */
export interface ConversationDraft {
  conversationId: string;
  script: DemoScript;
  queueName: DemoQueueName;
  priority: Priority;
  assignee: DemoAgent | null;
  /** The agent who had it before a hand-over at message `handoverAt`. */
  previous: DemoAgent | null;
  handoverAt: number;
  messages: MessageRow[];
  solvedAt: Date;
  closedAt: Date;
}

interface LogDraft {
  kind: ConversationLogKind;
  from: ConversationLogValue;
  to: ConversationLogValue;
  actor: ActorKind;
  user: string | null;
  at: Date;
}

const time = (m: MessageRow): number => (m.createdAt as Date).getTime();
const later = (d: Date | number, ms: number) => new Date((d instanceof Date ? d.getTime() : d) + ms);

/**
 * Writes the conversation row, its tags, notes, change log (matching the final state: routing,
 * assignment, hand-over, status changes) and the assignee's read cursor.
 */
export function finishConversation(
  world: DemoWorld,
  plan: ConversationPlan,
  out: DemoData,
  d: ConversationDraft,
): void {
  const { prng } = world;
  const msgs = d.messages;
  const log: LogDraft[] = [];
  const agentLog = (
    kind: ConversationLogKind,
    from: ConversationLogValue,
    to: ConversationLogValue,
    user: string,
    at: Date,
  ) => log.push({ kind, from, to, actor: 'agent', user, at });
  const routedAt = later(plan.start, 1000);
  log.push({
    kind: 'queue',
    from: null,
    to: world.queueIds[d.queueName],
    actor: 'automation',
    user: null,
    at: routedAt,
  });
  if (d.priority !== 'NORMAL') {
    log.push({
      kind: 'priority',
      from: 'NORMAL',
      to: d.priority,
      actor: 'automation',
      user: null,
      at: routedAt,
    });
  }
  const tagIds: string[] = [];
  const vip = world.tagIds.vip as string;
  if (plan.customer?.premium) {
    tagIds.push(vip);
    log.push({ kind: 'tag', from: null, to: vip, actor: 'automation', user: null, at: routedAt });
  }

  const firstOut = msgs.findIndex((m) => m.direction === 'OUTBOUND');
  const lastOut = msgs.findLastIndex((m) => m.direction === 'OUTBOUND');
  if (d.assignee) {
    const first = d.previous ?? d.assignee;
    const assignedAt =
      firstOut > 0 ? later(time(msgs[firstOut] as MessageRow), -30_000) : later(plan.start, 2000);
    if (prng.chance(0.5)) agentLog('assignment', null, { userId: first.id }, first.id, assignedAt);
    else
      log.push({
        kind: 'assignment',
        from: null,
        to: { userId: first.id },
        actor: 'automation',
        user: null,
        at: assignedAt,
      });
    if (d.previous) {
      const handedAt = later(time(msgs[d.handoverAt] as MessageRow), -60_000);
      const bySupervisor = prng.chance(0.4);
      log.push({
        kind: 'assignment',
        from: { userId: d.previous.id },
        to: { userId: d.assignee.id },
        actor: bySupervisor ? 'supervisor' : 'agent',
        user: bySupervisor ? world.supervisorId : d.previous.id,
        at: handedAt,
      });
    }
    if (firstOut > 0 && prng.chance(0.7)) {
      const tagId = world.tagIds[d.script.tag] as string;
      tagIds.push(tagId);
      agentLog('tag', null, tagId, first.id, later(assignedAt, 20_000));
    }
  }

  const lastMsg = msgs.at(-1) as MessageRow;
  const assigneeId = d.assignee?.id ?? '';
  let pendingSince: Date | null = null;
  if (plan.status === 'WAITING')
    agentLog('status', 'OPEN', 'WAITING', assigneeId, later(time(lastMsg), 5000));
  if (plan.status === 'SOLVED') agentLog('status', 'OPEN', 'SOLVED', assigneeId, d.solvedAt);
  if (plan.status === 'CLOSED') {
    if (prng.chance(0.5)) {
      agentLog('status', 'OPEN', 'SOLVED', assigneeId, d.solvedAt);
      agentLog('status', 'SOLVED', 'CLOSED', assigneeId, d.closedAt);
    } else {
      agentLog('status', 'OPEN', 'CLOSED', assigneeId, d.closedAt);
    }
  }
  if (plan.status === 'OPEN' && lastMsg.direction === 'INBOUND') {
    const trailingStart = msgs[lastOut + 1] as MessageRow;
    pendingSince = trailingStart.createdAt as Date;
    // Some had been put on WAITING; the customer's reply reopened them (D2).
    if (lastOut >= 0 && prng.chance(0.35)) {
      const waitedBy = (msgs[lastOut] as MessageRow).authorUserId as string;
      agentLog('status', 'OPEN', 'WAITING', waitedBy, later(time(msgs[lastOut] as MessageRow), 5000));
      log.push({
        kind: 'status',
        from: 'WAITING',
        to: 'OPEN',
        actor: 'system',
        user: null,
        at: pendingSince,
      });
    }
  }

  const closedAt = plan.status === 'CLOSED' ? d.closedAt : null;
  const lastInbound = msgs.findLast((m) => m.direction === 'INBOUND');
  const updatedAt = new Date(Math.max(time(lastMsg), ...log.map((l) => l.at.getTime())));
  const defaultTopic = `Talking with ${plan.customer?.name ?? plan.customerAddress}`;
  out.conversations.push({
    id: d.conversationId,
    topic: prng.chance(0.6) ? defaultTopic : d.script.topic,
    status: plan.status,
    priority: d.priority,
    queueId: world.queueIds[d.queueName],
    assigneeUserId: d.assignee?.id ?? null,
    customerId: plan.customer?.id ?? null,
    channel: plan.channel,
    ourAddress: plan.ourAddress,
    customerAddress: plan.customerAddress,
    summary: closedAt || plan.status === 'SOLVED' ? `${d.script.topic}: resolved with the customer.` : null,
    channels: plan.shape?.alsoOn ? [plan.channel, plan.shape.alsoOn.channel] : [plan.channel],
    createdAt: msgs[0]?.createdAt as Date,
    updatedAt,
    lastCustomerMessageAt: lastInbound?.createdAt as Date,
    pendingSince,
    closedAt,
  });
  for (const tagId of tagIds) {
    out.conversationTags.push({ conversationId: d.conversationId, tagId, createdAt: routedAt });
  }
  for (const l of log) {
    out.conversationLog.push({
      id: world.newId(),
      conversationId: d.conversationId,
      kind: l.kind,
      from: l.from,
      to: l.to,
      actorKind: l.actor,
      actorUserId: l.user,
      createdAt: l.at,
    });
  }
  if (d.assignee && firstOut > 0 && (prng.chance(0.15) || plan.shape?.note)) {
    const noteAfter = msgs[prng.int(firstOut, lastOut)] as MessageRow;
    out.notes.push({
      id: world.newId(),
      conversationId: d.conversationId,
      authorUserId: prng.chance(0.3) ? world.supervisorId : (noteAfter.authorUserId ?? d.assignee.id),
      text: prng.pick(NOTES),
      createdAt: later(time(noteAfter), 30_000),
    });
  }
  // The assignee has read everything up to their own last reply; later customer messages are unread.
  if (d.assignee && lastOut >= 0) {
    const readTo = msgs[lastOut] as MessageRow;
    out.conversationReads.push({
      userId: d.assignee.id,
      conversationId: d.conversationId,
      lastReadMessageId: readTo.id,
      lastReadMessageAt: readTo.createdAt as Date,
      updatedAt: readTo.createdAt as Date,
    });
  }
}

import type { AppContext } from '../../platform/context.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { onConversationRouted, routesOnCreate } from '../routing/routing.handlers.ts';
import { listAutoQueuesOfMember } from './assignment.repo.ts';
import { returnConversationsOf, runQueue } from './assignment.service.ts';
import { runConcurrently } from './run-concurrently.ts';

/** Queues one dispatch runs at once (each holds a pooled connection while it runs). */
const PARALLEL_QUEUES = 4;

/** The events that can make automatic assignment possible (docs/routing.md, "Triggers"). */
export const ASSIGNMENT_TRIGGERS = [
  'conversation.created',
  'conversation.routed',
  'conversation.queue_changed',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.status_changed',
  'conversation.bot_released',
  'user.availability_changed',
  'queue.members_changed',
  'queue.settings_changed',
  'agent.capacity_changed',
] as const;

interface Work {
  /** Queues with a conversation (newly) waiting or a setting that may allow assigning. */
  queues: Set<string>;
  /** Agents who may take more: became Active, or freed capacity. */
  agents: Set<string>;
  /** Agents who went Away or Offline. */
  unavailable: Set<string>;
}

type Payload = Record<string, unknown> & { actor?: { kind: string } };

async function collect(ctx: AppContext, event: DomainEvent, work: Work): Promise<void> {
  const p = event.payload as Payload;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
  const queue = (id: string | null) => id && work.queues.add(id);
  const agent = (id: string | null) => id && work.agents.add(id);
  switch (event.type) {
    case 'conversation.created':
      // Routing settles those it routes and announces them with `conversation.routed`.
      if (!(await routesOnCreate(ctx, p as never))) queue(str('queueId'));
      return;
    case 'conversation.routed':
    case 'conversation.queue_changed':
    case 'conversation.bot_released':
    case 'queue.members_changed':
    case 'queue.settings_changed':
      queue(str('queueId'));
      return;
    case 'conversation.assigned':
      if (str('previousAssigneeUserId') !== str('to')) agent(str('previousAssigneeUserId'));
      return;
    case 'conversation.unassigned':
      queue(str('queueId'));
      agent(str('previousAssigneeUserId'));
      return;
    case 'conversation.status_changed':
      if (p.to === 'SOLVED' || p.to === 'CLOSED') agent(str('assigneeUserId'));
      if (p.to === 'OPEN' && !str('assigneeUserId')) queue(str('queueId'));
      return;
    case 'user.availability_changed':
      if (p.availability === 'ACTIVE') agent(str('userId'));
      else if (p.availability === 'AWAY' || p.availability === 'OFFLINE')
        work.unavailable.add(str('userId') ?? '');
      return;
    case 'agent.capacity_changed':
      agent(str('userId'));
      return;
  }
}

/**
 * D4 automatic assignment, event-driven: one batch handler per dispatch collects the queues and
 * agents the events concern and runs each once. Runs are idempotent and take their locks in the
 * database, so at-least-once delivery and several processes are safe.
 */
export function registerAssignmentHandlers(ctx: AppContext): void {
  onConversationRouted(ctx, (queueId) => runQueue(ctx.events, queueId));
  ctx.events.onBatch(ASSIGNMENT_TRIGGERS, async (events) => {
    const work: Work = { queues: new Set(), agents: new Set(), unavailable: new Set() };
    for (const event of events) await collect(ctx, event, work);
    for (const userId of work.unavailable) {
      if (userId) await returnConversationsOf(ctx.events, ctx.db.orm, userId);
    }
    for (const userId of work.agents) {
      for (const queueId of await listAutoQueuesOfMember(ctx.db.orm, userId)) work.queues.add(queueId);
    }
    // Queues are independent: each run takes its own queue's advisory lock.
    await runConcurrently(work.queues, PARALLEL_QUEUES, (queueId) => runQueue(ctx.events, queueId));
  });
}

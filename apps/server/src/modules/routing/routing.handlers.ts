import type { AppContext } from '../../platform/context.ts';
import { runConcurrently } from '../assignment/run-concurrently.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import { sendAwayReplyIfClosed } from '../queues/queue-settings.service.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { claimInitialRouting as settleWithoutRouting } from './routing.repo.ts';
import { routeConversation } from './routing.service.ts';

interface CreatedPayload {
  conversationId: string;
  queueId: string | null;
  actor: Actor;
}

/**
 * Whether routing decides a new conversation's queue: those started by a customer message
 * (`system`) or by an integration (`automation`) in the Default queue. A person who starts one with
 * "+" chose its queue, and an integration that names a queue other than Default chose it too.
 */
export async function routesOnCreate(ctx: AppContext, payload: CreatedPayload): Promise<boolean> {
  if (payload.actor.kind !== 'system' && payload.actor.kind !== 'automation') return false;
  return payload.queueId === (await defaultQueueId(ctx));
}

/** The Default queue never changes once created (it cannot be deleted), so each app reads it once. */
const defaultQueueIds = new WeakMap<AppContext, string>();
async function defaultQueueId(ctx: AppContext): Promise<string> {
  const known = defaultQueueIds.get(ctx);
  if (known) return known;
  const { id } = await ensureDefaultQueue(ctx.db.orm);
  defaultQueueIds.set(ctx, id);
  return id;
}

/**
 * D4 routing runs right after a new conversation commits (an after-commit handler, see
 * docs/routing.md): the conversation gets its queue, priority, tags and bot, then the queue's away
 * reply when it landed outside working hours.
 */
export function registerRoutingHandlers(ctx: AppContext): void {
  // One call per dispatch: the new conversations of a burst are routed side by side.
  ctx.events.onBatch('conversation.created', async (events) => {
    await runConcurrently(events, PARALLEL_ROUTING, async (event) => {
      const payload = event.payload as CreatedPayload;
      if (!(await routesOnCreate(ctx, payload))) {
        // Its creator chose the queue: routing is settled, automatic assignment may offer it.
        await settleWithoutRouting(ctx.db.orm, payload.conversationId);
        return;
      }
      const routed = await routeConversation(ctx.events, payload.conversationId, 'created');
      if (!routed) return;
      for (const listener of routedListeners.get(ctx) ?? []) {
        // A fast path only: `conversation.routed` triggers the same work durably.
        await listener(routed.decision.queueId).catch((err) =>
          ctx.logger.warn({ err }, 'after-routing step failed'),
        );
      }
      if (routed.decision.botId) return;
      await sendAwayReplyIfClosed(
        ctx.events,
        ctx.db.orm,
        ctx.logger,
        routed.decision.queueId,
        routed.conversation.id,
      );
    });
  });
}

type RoutedListener = (queueId: string) => Promise<unknown>;
const routedListeners = new WeakMap<AppContext, RoutedListener[]>();

/**
 * Runs `listener` right after routing a new conversation commits, in the same handler: automatic
 * assignment offers it without waiting for the next dispatch. The durable trigger stays the
 * `conversation.routed` event (a crash in between loses nothing).
 */
export function onConversationRouted(ctx: AppContext, listener: RoutedListener): void {
  routedListeners.set(ctx, [...(routedListeners.get(ctx) ?? []), listener]);
}

/** Conversations one dispatch routes at once (each holds a pooled connection while it runs). */
const PARALLEL_ROUTING = 4;

import { findEnabledConnectionBySender } from '../modules/channel-connections/channel-connections.repo.ts';
import { changeDeliveryStateInTx } from '../modules/messages/delivery-state.service.ts';
import {
  claimMessageSend,
  endMessageSend,
  findStaleSendClaims,
  findUnclaimedPendingSends,
  releaseMessageSend,
} from '../modules/messages/message-sends.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { findAdapter, toAdapterConnection } from './adapters.ts';
import { ChannelError } from './channel-error.ts';

// One outbound path for every channel: a job per message hands it to the adapter of the enabled
// connection for its channel and our sender. A message is claimed (PENDING → SENDING) before the
// provider call, so a duplicate job never sends it again; a retryable ChannelError backs off.

export const SEND_JOB = 'channels.send-message';

export interface SendJob {
  messageId: string;
}

/**
 * Seconds before retry n (after attempt n failed): a 429 or a blip usually clears within seconds,
 * an outage takes minutes. After the last one the message is FAILED so the agent sees it.
 */
export const RETRY_DELAYS_SECONDS = [1, 5, 30, 120, 600];

/**
 * A claim older than this was left by a process that died mid-send (every adapter's provider call
 * times out well before). The message may or may not have gone out, so it is failed, not resent.
 */
export const STALE_CLAIM_SECONDS = 300;

/** Queues the send of one outbound message; a repeated event while one is queued queues nothing new. */
export async function enqueueSend(
  ctx: AppContext,
  messageId: string,
  startAfterSeconds?: number,
): Promise<void> {
  await ctx.jobs.send<SendJob>(
    SEND_JOB,
    { messageId },
    { singletonKey: messageId, ...(startAfterSeconds !== undefined && { startAfterSeconds }) },
  );
}

/** Marks the message FAILED with the reason the agent sees, and ends its sending round. */
async function failSend(ctx: AppContext, messageId: string, reason: string): Promise<void> {
  await ctx.events.transact(async (scope) => {
    await changeDeliveryStateInTx(scope, { id: messageId }, { state: 'FAILED', reason });
    await endMessageSend(scope.tx, messageId);
  });
}

/**
 * Sends one PENDING outbound message: claims it, finds the enabled connection for its channel and
 * our sender (the message row is the truth: a reply may go out on another channel than the
 * conversation's), calls the adapter, and records SENT with the provider's id. A retryable
 * ChannelError releases the claim and queues the next attempt after RETRY_DELAYS_SECONDS; anything
 * else, or running out of retries, marks the message FAILED. Database errors are thrown, so
 * pg-boss retries the job.
 */
export async function runSend(ctx: AppContext, job: SendJob): Promise<void> {
  const message = await claimMessageSend(ctx.db.orm, job.messageId);
  if (!message) return;
  const row = await findEnabledConnectionBySender(ctx.db.orm, message.channel, message.fromAddress);
  const adapter = row && findAdapter(row.provider);
  if (!row || !adapter) {
    await failSend(
      ctx,
      message.id,
      `No enabled channel connection sends ${message.channel} from ${message.fromAddress}`,
    );
    return;
  }
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await adapter.send(
      {
        id: message.id,
        conversationId: message.conversationId,
        channel: message.channel,
        from: message.fromAddress,
        to: message.toAddress,
        contentType: message.contentType,
        content: message.content,
        attempt: message.sendAttempts,
      },
      toAdapterConnection(row, adapter),
      ctx,
    ));
  } catch (error) {
    const delay = RETRY_DELAYS_SECONDS[message.sendAttempts - 1];
    if (error instanceof ChannelError && error.retryable && delay !== undefined) {
      ctx.logger.warn(
        { messageId: message.id, attempt: message.sendAttempts, code: error.code },
        'send failed; retrying',
      );
      // Queue the retry first: if that fails the claim stays, and the stale-claim sweep ends it.
      await enqueueSend(ctx, message.id, delay);
      await releaseMessageSend(ctx.db.orm, message.id);
      return;
    }
    // An adapter bug is not retried either: whether the provider got the message is unknown.
    if (!(error instanceof ChannelError))
      ctx.logger.error({ err: error, messageId: message.id }, 'send failed');
    const reason =
      error instanceof ChannelError ? error.message : 'Parley could not hand this message to the provider';
    await failSend(ctx, message.id, reason);
    return;
  }
  await ctx.events.transact(async (scope) => {
    await changeDeliveryStateInTx(scope, { id: message.id }, { state: 'SENT', providerMessageId });
    await endMessageSend(scope.tx, message.id);
  });
}

/** Fails the messages whose send claim a dead process left behind (see STALE_CLAIM_SECONDS). */
export async function failStaleSends(ctx: AppContext): Promise<number> {
  const ids = await findStaleSendClaims(ctx.db.orm, STALE_CLAIM_SECONDS);
  for (const id of ids) {
    await failSend(
      ctx,
      id,
      'Parley stopped while sending this message; it may or may not have reached the customer, so it was not sent again',
    );
  }
  return ids.length;
}

/**
 * Queues the send of every PENDING message no job holds (older than a minute, so a fresh one's own
 * job is not raced); a message whose job is queued already keeps it (one queued job per message).
 */
export async function requeuePendingSends(ctx: AppContext): Promise<number> {
  const ids = await findUnclaimedPendingSends(ctx.db.orm, 60);
  for (const id of ids) await enqueueSend(ctx, id);
  return ids.length;
}

const SWEEP_EVERY_MS = 60_000;
/** The first sweep runs soon after start-up (once the job queue is up), then every SWEEP_EVERY_MS. */
const FIRST_SWEEP_MS = 5_000;

/**
 * The send job, its hand-off from `message.created` (a new reply) and `message.retried` (an agent's
 * retry of a FAILED one), and the sweep in processes that run jobs: stale claims fail, PENDING
 * messages without a job (lost at a crash) are queued again — soon after start-up, then every minute.
 */
export function registerOutbound(ctx: AppContext): { start(): void; stop(): void } {
  ctx.jobs.register<SendJob>(SEND_JOB, (job) => runSend(ctx, job));
  for (const type of ['message.created', 'message.retried']) {
    ctx.events.on(type, async (event) => {
      await enqueueSend(ctx, (event.payload as SendJob).messageId);
    });
  }
  const sweep = () => {
    failStaleSends(ctx).catch((err: unknown) => ctx.logger.error({ err }, 'stale send sweep failed'));
    requeuePendingSends(ctx).catch((err: unknown) => ctx.logger.error({ err }, 'pending send sweep failed'));
  };
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  return {
    start() {
      first = setTimeout(sweep, FIRST_SWEEP_MS);
      first.unref();
      timer = setInterval(sweep, SWEEP_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
    },
  };
}

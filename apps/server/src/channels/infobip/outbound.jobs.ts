import { INFOBIP_WEBHOOK_PATH } from '../../modules/channel-connections/channel-connections.presenter.ts';
import { findEnabledConnectionBySender } from '../../modules/channel-connections/channel-connections.repo.ts';
import { changeDeliveryState } from '../../modules/messages/delivery-state.service.ts';
import { findMessageById } from '../../modules/messages/messages.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { ChannelError } from '../channel-error.ts';
import { sendMessage } from './client.ts';
import { reportPassword, type WebhookVerifier } from './verify.ts';

export const INFOBIP_SEND_JOB = 'infobip.send-message';

export interface InfobipSendJob {
  messageId: string;
  /** 1 for the first try; retries of a retryable provider failure count up. */
  attempt: number;
}

/**
 * Seconds before retry n (after attempt n failed): a 429 or a blip usually clears within seconds,
 * an outage takes minutes. After the last one the message is FAILED so the agent sees it.
 */
const RETRY_DELAYS_SECONDS = [1, 5, 30, 120, 600];

/** Queues the send of one outbound message; a repeated event for the same message queues nothing new. */
export async function enqueueInfobipSend(ctx: AppContext, messageId: string): Promise<void> {
  await ctx.jobs.send<InfobipSendJob>(
    INFOBIP_SEND_JOB,
    { messageId, attempt: 1 },
    { singletonKey: messageId },
  );
}

// With PUBLIC_URL known, each send tells Infobip where to post its reports, credentials included
// (the URL form of the Basic security profile, docs/channels-infobip.md). Only the secret's hash is
// stored, so the URL carries the report password, which the webhook accepts for reports only.
function reportUrl(ctx: AppContext, connection: WebhookVerifier): string | undefined {
  if (!ctx.config.PUBLIC_URL) return undefined;
  const url = new URL(`${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}${INFOBIP_WEBHOOK_PATH}`);
  url.username = connection.id;
  url.password = reportPassword(connection);
  return url.toString();
}

async function failMessage(ctx: AppContext, messageId: string, reason: string): Promise<void> {
  await changeDeliveryState(ctx.events, { id: messageId }, { state: 'FAILED', reason });
}

/**
 * Sends one PENDING outbound message through the Infobip connection of its channel and sender and
 * marks it SENT with Infobip's id. A retryable ChannelError is retried later by a new job with a
 * growing delay; anything else, or running out of retries, marks the message FAILED with the reason.
 * Errors that are not the provider's (the database) are thrown so pg-boss retries the job.
 */
export async function runInfobipSend(ctx: AppContext, job: InfobipSendJob): Promise<void> {
  const message = await findMessageById(ctx.db.orm, job.messageId);
  if (message?.direction !== 'OUTBOUND' || message.deliveryState !== 'PENDING') return;
  const connection = await findEnabledConnectionBySender(ctx.db.orm, message.channel, message.fromAddress);
  if (connection?.provider !== 'infobip') {
    await failMessage(
      ctx,
      message.id,
      `No enabled channel connection sends ${message.channel} from ${message.fromAddress}`,
    );
    return;
  }
  try {
    const url = reportUrl(ctx, connection);
    const { providerMessageId } = await sendMessage(
      connection,
      { id: message.id, to: message.toAddress, contentType: message.contentType, content: message.content },
      url === undefined ? {} : { reportUrl: url },
    );
    await changeDeliveryState(ctx.events, { id: message.id }, { state: 'SENT', providerMessageId });
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    const delay = RETRY_DELAYS_SECONDS[job.attempt - 1];
    if (error.retryable && delay !== undefined) {
      ctx.logger.warn(
        { messageId: message.id, attempt: job.attempt, code: error.code },
        'send failed; retrying',
      );
      await ctx.jobs.send<InfobipSendJob>(
        INFOBIP_SEND_JOB,
        { messageId: message.id, attempt: job.attempt + 1 },
        { singletonKey: message.id, startAfterSeconds: delay },
      );
      return;
    }
    await failMessage(ctx, message.id, error.message);
  }
}

export function registerInfobipSendJob(ctx: AppContext): void {
  ctx.jobs.register<InfobipSendJob>(INFOBIP_SEND_JOB, (job) => runInfobipSend(ctx, job));
}

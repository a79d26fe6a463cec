import type { FastifyInstance } from 'fastify';
import { findConnectionById } from '../../modules/channel-connections/channel-connections.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { deliveryReportPayload, seenReportPayload } from '../infobip/fake-events.ts';
import type { AcceptedDestination } from '../infobip/simulated-api.ts';
import { INFOBIP_WEBHOOK_PATH, reportPassword, webhookAuthorization } from '../infobip/verify.ts';

export const SANDBOX_REPORT_JOB = 'sandbox.post-report';

/** Seconds after the send: "delivered" at once, "seen" a moment later, so the ticks visibly advance. */
const DELIVERED_AFTER_SECONDS = 1;
const SEEN_AFTER_SECONDS = 4;

/** Infobip channels that report delivery but never "seen" (SMS has no read receipts). */
const NO_SEEN_REPORTS = new Set(['SMS', 'MMS']);

export interface SandboxReportJob {
  connectionId: string;
  event: 'DELIVERY' | 'SEEN';
  destination: AcceptedDestination;
  /** When the sandbox accepted the send (ISO 8601). */
  sentAt: string;
}

/** Queues the delivery report (and, where the channel has them, the seen report) of one accepted send. */
export async function enqueueSandboxReports(
  ctx: AppContext,
  connectionId: string,
  destination: AcceptedDestination,
  sentAt: Date,
): Promise<void> {
  const job = { connectionId, destination, sentAt: sentAt.toISOString() };
  await ctx.jobs.send<SandboxReportJob>(
    SANDBOX_REPORT_JOB,
    { ...job, event: 'DELIVERY' },
    { startAfterSeconds: DELIVERED_AFTER_SECONDS },
  );
  if (NO_SEEN_REPORTS.has(destination.channel)) return;
  await ctx.jobs.send<SandboxReportJob>(
    SANDBOX_REPORT_JOB,
    { ...job, event: 'SEEN' },
    { startAfterSeconds: SEEN_AFTER_SECONDS },
  );
}

/**
 * Posts one report to Parley's own Infobip webhook, as Infobip would: Basic credentials of the
 * connection (its report password, which the webhook takes for reports only), stored, acknowledged
 * and processed like any provider's report. In-process (`inject`), so no address must be known.
 */
async function postReport(app: FastifyInstance, ctx: AppContext, job: SandboxReportJob): Promise<void> {
  const connection = await findConnectionById(ctx.db.orm, job.connectionId);
  if (!connection) return;
  const subject = { ...job.destination, sentAt: new Date(job.sentAt) };
  const payload = job.event === 'DELIVERY' ? deliveryReportPayload(subject) : seenReportPayload(subject);
  const response = await app.inject({
    method: 'POST',
    url: INFOBIP_WEBHOOK_PATH,
    headers: {
      authorization: webhookAuthorization({ id: connection.id, webhookSecret: reportPassword(connection) }),
      'content-type': 'application/json',
    },
    payload: JSON.stringify(payload),
  });
  // A server fault is worth another try (pg-boss retries a thrown job); a refusal (connection
  // disabled or its secret rotated since the send) would be refused again.
  if (response.statusCode >= 500)
    throw new Error(`webhook answered ${response.statusCode} to a sandbox report`);
  if (response.statusCode !== 200) {
    ctx.logger.warn(
      { connectionId: connection.id, status: response.statusCode, event: job.event },
      'sandbox report refused by the webhook; dropped',
    );
  }
}

export function registerSandboxReportJob(app: FastifyInstance, ctx: AppContext): void {
  ctx.jobs.register<SandboxReportJob>(SANDBOX_REPORT_JOB, (job) => postReport(app, ctx, job));
}

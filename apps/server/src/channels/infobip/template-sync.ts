import { InfobipSettings } from '@parley/contracts';
import type { ChannelConnectionRow } from '../../modules/channel-connections/channel-connections.repo.ts';
import { listConnections } from '../../modules/channel-connections/channel-connections.repo.ts';
import { listSyncStates } from '../../modules/whatsapp-templates/whatsapp-templates.repo.ts';
import {
  recordSyncFailure,
  storeSyncedTemplates,
} from '../../modules/whatsapp-templates/whatsapp-templates.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { ChannelError } from '../channel-error.ts';
import { fetchWhatsAppTemplates } from './template-registry.ts';

// D7: every enabled Infobip WhatsApp connection's templates are kept in step with the provider's
// registry — on a schedule, when a connection is created or changed, on a supervisor's "Sync now",
// and when Parley starts listening for a line never synchronised yet.

export const TEMPLATE_SYNC_JOB = 'infobip.whatsapp-templates.sync';

/** Every 15 minutes the registry is read without anyone asking: approvals take minutes to hours. */
export const TEMPLATE_SYNC_CRON = '*/15 * * * *';

export interface TemplateSyncJob {
  /** One connection; absent (the schedule) = every enabled WhatsApp connection. */
  connectionId?: string;
}

const isWhatsAppLine = (row: ChannelConnectionRow) =>
  row.provider === 'infobip' && row.channel === 'WHATSAPP' && row.enabled;

/**
 * Reads one connection's registry and stores its templates. A provider failure (unreachable,
 * refused key, unreadable answer) is recorded on the connection's sync state for the supervisor and
 * leaves the stored templates as they were; it is not thrown.
 */
export async function syncConnectionTemplates(ctx: AppContext, row: ChannelConnectionRow): Promise<void> {
  const settings = InfobipSettings.safeParse(row.settings);
  if (!settings.success) {
    await recordSyncFailure(ctx.events, row.id, 'The connection has no valid Infobip base URL and API key');
    return;
  }
  try {
    const { templates, skipped } = await fetchWhatsAppTemplates({ ...settings.data, sender: row.sender });
    if (skipped.length > 0) {
      ctx.logger.warn({ connectionId: row.id, skipped }, 'WhatsApp templates Parley could not read');
    }
    await storeSyncedTemplates(ctx.events, row.id, templates);
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    ctx.logger.warn({ connectionId: row.id, code: error.code }, 'WhatsApp template sync failed');
    await recordSyncFailure(ctx.events, row.id, error.message);
  }
}

/** Synchronises one connection (when it is an enabled Infobip WhatsApp line) or every such connection. */
export async function syncWhatsAppTemplates(ctx: AppContext, connectionId?: string): Promise<void> {
  const rows = (await listConnections(ctx.db.orm)).filter(
    (row) => isWhatsAppLine(row) && (connectionId === undefined || row.id === connectionId),
  );
  for (const row of rows) await syncConnectionTemplates(ctx, row);
}

/**
 * Registers the synchronisation job on its schedule, and synchronises a WhatsApp connection as soon
 * as an admin creates or changes it.
 */
export function registerTemplateSync(ctx: AppContext): void {
  ctx.jobs.register<TemplateSyncJob>(TEMPLATE_SYNC_JOB, (job) =>
    syncWhatsAppTemplates(ctx, job.connectionId),
  );
  ctx.jobs.schedule(TEMPLATE_SYNC_JOB, TEMPLATE_SYNC_CRON);
  const onConnectionChange = async (event: { payload: unknown }) => {
    const { connectionId, channel, enabled } = event.payload as {
      connectionId: string;
      channel: string;
      enabled: boolean;
    };
    if (channel !== 'WHATSAPP' || !enabled) return;
    await ctx.jobs.send<TemplateSyncJob>(TEMPLATE_SYNC_JOB, { connectionId }, { singletonKey: connectionId });
  };
  ctx.events.on('channel_connection.created', onConnectionChange);
  ctx.events.on('channel_connection.updated', onConnectionChange);
}

/**
 * Queues the synchronisation of every enabled WhatsApp line that was never synchronised successfully
 * — the demo's lines (seeded before Parley runs, so no event announced them), a line whose first
 * sync failed, one created while no process ran jobs — instead of leaving its template picker empty
 * until the next quarter hour. Run once Parley listens, so a registry it serves itself (the
 * built-in sandbox) answers; several processes queue one job per line.
 */
export async function syncUnsynchronisedLines(ctx: AppContext): Promise<void> {
  for (const line of await listSyncStates(ctx.db.orm)) {
    if (!line.enabled || line.syncedAt !== null) continue;
    await ctx.jobs.send<TemplateSyncJob>(
      TEMPLATE_SYNC_JOB,
      { connectionId: line.connectionId },
      { singletonKey: line.connectionId },
    );
  }
}

import type { WhatsAppTemplate, WhatsAppTemplateComponents, WhatsAppTemplateSync } from '@parley/contracts';
import type { listSyncStates, WhatsAppTemplateRow } from './whatsapp-templates.repo.ts';

/** The header, body, footer and buttons of a stored template. */
export function componentsOf(row: WhatsAppTemplateRow): WhatsAppTemplateComponents {
  return {
    header: row.headerFormat
      ? { format: row.headerFormat, ...(row.header !== null && { text: row.header }) }
      : null,
    body: row.body,
    footer: row.footer,
    buttons: row.buttons,
  };
}

/** The one shape of a WhatsApp pre-registered template in every `/api` output. */
export function presentWhatsAppTemplate(row: WhatsAppTemplateRow): WhatsAppTemplate {
  return {
    id: row.id,
    connectionId: row.connectionId,
    sender: row.sender,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    ...componentsOf(row),
    placeholders: row.placeholders,
    unsupportedReason: row.unsupportedReason,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type SyncStateRow = Awaited<ReturnType<typeof listSyncStates>>[number];

export function presentSyncState(row: SyncStateRow): WhatsAppTemplateSync {
  return {
    connectionId: row.connectionId,
    connectionName: row.connectionName,
    sender: row.sender,
    enabled: row.enabled,
    syncedAt: row.syncedAt?.toISOString() ?? null,
    attemptedAt: row.attemptedAt?.toISOString() ?? null,
    error: row.error,
    templateCount: row.templateCount,
  };
}

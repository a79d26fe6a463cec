import type { Events } from '../../platform/events/types.ts';
import {
  type RegistryTemplate,
  recordSyncAttempt,
  replaceConnectionTemplates,
} from './whatsapp-templates.repo.ts';

/**
 * Stores what the provider's registry listed for one WhatsApp connection (its templates become
 * exactly those, approval states included) and records the successful synchronisation.
 */
export function storeSyncedTemplates(
  events: Events,
  connectionId: string,
  templates: readonly RegistryTemplate[],
): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    await replaceConnectionTemplates(tx, connectionId, templates);
    await recordSyncAttempt(tx, connectionId, { error: null });
    emit('whatsapp_templates.synced', { connectionId, templateCount: templates.length });
  });
}

/** Records a failed synchronisation; the templates stored before stay as they were. */
export function recordSyncFailure(events: Events, connectionId: string, error: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    await recordSyncAttempt(tx, connectionId, { error });
    emit('whatsapp_templates.sync_failed', { connectionId, error });
  });
}

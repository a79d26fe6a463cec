import type { Role } from '@parley/contracts';
import { forbidden } from '../../platform/errors.ts';

/** D7: supervisors (who manage templates) and admins (who manage channels) run the registry synchronisation. */
export function canSyncWhatsAppTemplates(roles: readonly Role[]): boolean {
  return roles.includes('supervisor') || roles.includes('admin');
}

export function enforceCanSync(roles: readonly Role[]): void {
  if (!canSyncWhatsAppTemplates(roles)) throw forbidden('This needs the supervisor or the admin role');
}

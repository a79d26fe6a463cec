import type { Role, UpdateUserRequest } from '@parley/contracts';

/** Every role, given to the first admin and to admins created from the command line. */
export const ALL_ROLES: Role[] = ['admin', 'supervisor', 'agent'];

/** Whether the user would still be an enabled admin after applying `patch`. */
export function isEnabledAdminAfter(
  user: { roles: Role[]; enabled: boolean },
  patch: UpdateUserRequest,
): boolean {
  const roles = patch.roles ?? user.roles;
  const enabled = patch.enabled ?? user.enabled;
  return enabled && roles.includes('admin');
}

/**
 * True when `patch` would leave the installation with no enabled admin: nobody could then manage
 * users, channels or API keys from the web app.
 */
export function wouldRemoveLastAdmin(
  user: { id: string; roles: Role[]; enabled: boolean },
  patch: UpdateUserRequest,
  enabledAdminIds: readonly string[],
): boolean {
  if (!enabledAdminIds.includes(user.id)) return false;
  if (isEnabledAdminAfter(user, patch)) return false;
  return enabledAdminIds.length <= 1;
}

/** Duplicates are dropped and the order fixed, so stored roles compare equal however they were sent. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)].sort();
}

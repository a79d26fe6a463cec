import type { TxScope } from '../../platform/events/types.ts';

/**
 * Domain event: a session was revoked, the user disabled or their roles changed. Its handler closes
 * the affected WebSockets everywhere (realtime.disconnect), so nobody keeps receiving events with
 * access they no longer have.
 */
export const ACCESS_CHANGED = 'user.access_changed';

export type AccessChangeReason = 'logout' | 'password_reset' | 'disabled' | 'roles_changed';

export interface AccessChanged {
  userId: string;
  /** Only this session lost access (logout); absent means every session of the user. */
  sessionId?: string;
  reason: AccessChangeReason;
}

export function emitAccessChanged({ emit }: Pick<TxScope, 'emit'>, payload: AccessChanged): void {
  emit(ACCESS_CHANGED, payload);
}

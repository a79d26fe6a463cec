import {
  type Availability,
  type CcaasAgent,
  type CcaasAgentRole,
  type CcaasAgentStatus,
  type CcaasAgentWithEmail,
  type Role,
  toCcaasDateTime,
} from '@parley/contracts';
import type { UserRow } from '../../modules/users/users.repo.ts';

/** Parley's availability as the public API names it: OFFLINE is INVISIBLE (D1). */
export function toCcaasStatus(availability: Availability): CcaasAgentStatus {
  return availability === 'OFFLINE' ? 'INVISIBLE' : availability;
}

/** The public API's status as Parley's availability. */
export function fromCcaasStatus(status: CcaasAgentStatus): Availability {
  return status === 'INVISIBLE' ? 'OFFLINE' : status;
}

/** SUPERVISOR when the user has the supervisor role (which includes everything an agent does, D1). */
export function toCcaasRole(roles: readonly Role[]): CcaasAgentRole {
  return roles.includes('supervisor') ? 'SUPERVISOR' : 'AGENT';
}

/**
 * The roles a user gets for an Infobip role: a SUPERVISOR is also an agent so they can belong to
 * queues and take conversations like an Infobip supervisor. Admins never reach here (isCcaasAgent).
 */
export function rolesFor(role: CcaasAgentRole): Role[] {
  return role === 'SUPERVISOR' ? ['supervisor', 'agent'] : ['agent'];
}

/** The one public-API shape of an agent. */
export function presentCcaasAgent(user: UserRow): CcaasAgent {
  const status = toCcaasStatus(user.availability);
  return {
    id: user.id,
    displayName: user.displayName,
    status,
    availability: status,
    role: toCcaasRole(user.roles),
    enabled: user.enabled,
    createdAt: toCcaasDateTime(user.createdAt),
    updatedAt: toCcaasDateTime(user.updatedAt),
  };
}

/** The agent with their sign-in address (get-agent). */
export function presentCcaasAgentWithEmail(user: UserRow): CcaasAgentWithEmail {
  return { ...presentCcaasAgent(user), email: user.email };
}

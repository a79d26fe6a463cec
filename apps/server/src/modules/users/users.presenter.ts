import type { ApiKey, TeamMember, User } from '@parley/contracts';
import type { ApiKeyRow } from './api-keys.repo.ts';
import type { UserRow } from './users.repo.ts';

/** The one shape of a user in every output (REST, WebSocket). Never includes the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    enabled: row.enabled,
    availability: row.availability,
    availabilityChangedAt: row.availabilityChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentTeamMember(row: UserRow): TeamMember {
  return {
    id: row.id,
    displayName: row.displayName,
    roles: row.roles,
    availability: row.availability,
    availabilityChangedAt: row.availabilityChangedAt.toISOString(),
  };
}

/** Never includes the key or its hash: the key is shown once, at creation. */
export function presentApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

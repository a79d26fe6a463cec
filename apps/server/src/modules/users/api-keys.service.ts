import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { type ApiKeyRow, insertApiKey, revokeApiKey } from './api-keys.repo.ts';
import { generateApiKey } from './tokens.ts';

/** A key just created: `key` is returned this once and never stored. */
export interface CreatedKey {
  row: ApiKeyRow;
  key: string;
}

/** Creates an API key on any handle (a transaction or the CLI's pool). `createdBy` is null from the CLI. */
export async function createApiKeyRecord(
  orm: Orm,
  name: string,
  createdBy: string | null,
): Promise<CreatedKey> {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await insertApiKey(orm, { name, prefix, keyHash, createdBy });
  return { row, key };
}

/** An admin creates an API key for an integration. */
export function createApiKey(events: Events, name: string, createdBy: string): Promise<CreatedKey> {
  return events.transact(({ tx }) => createApiKeyRecord(tx, name, createdBy));
}

/** Revokes a key: requests with it are refused from now on. Revoking twice is harmless. */
export function revokeApiKeyById(events: Events, id: string): Promise<ApiKeyRow> {
  return events.transact(async ({ tx }) => {
    const row = await revokeApiKey(tx, id);
    if (!row) throw notFound('API key');
    return row;
  });
}

import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { apiKeys } from './users.schema.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export interface NewApiKey {
  name: string;
  prefix: string;
  keyHash: string;
  createdBy: string | null;
}

export async function insertApiKey(orm: Orm, input: NewApiKey): Promise<ApiKeyRow> {
  const [row] = await orm
    .insert(apiKeys)
    .values({ id: crypto.randomUUID(), ...input })
    .returning();
  if (!row) throw new Error('insert into api_keys returned no row');
  return row;
}

export function listApiKeys(orm: Orm): Promise<ApiKeyRow[]> {
  return orm.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function findApiKeyById(orm: Orm, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await orm.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
}

/** Revokes once; revoking again keeps the first revocation time. */
export async function revokeApiKey(orm: Orm, id: string): Promise<ApiKeyRow | undefined> {
  await orm
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
  return findApiKeyById(orm, id);
}

export async function findLiveApiKey(
  orm: Orm,
  keyHash: string,
): Promise<Pick<ApiKeyRow, 'id' | 'lastUsedAt'> | undefined> {
  const [row] = await orm
    .select({ id: apiKeys.id, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

/** Records use at most once per `staleBefore` window, so busy integrations do not write on every call. */
export async function touchApiKey(orm: Orm, id: string, now: Date, staleBefore: Date): Promise<void> {
  await orm
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
}

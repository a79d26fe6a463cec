import type { CustomerChangeKind } from '@parley/contracts';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import { users } from '../users/users.schema.ts';
import { type CustomerChangeDetails, customerChanges } from './customer-changes.schema.ts';

export type CustomerChangeRow = typeof customerChanges.$inferSelect;

export interface NewCustomerChange {
  customerId: string;
  kind: CustomerChangeKind;
  conversationId?: string | null;
  details: CustomerChangeDetails;
  /** Null for an integration (API key). */
  actorUserId: string | null;
}

export async function insertChanges(tx: Orm, changes: readonly NewCustomerChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(customerChanges).values(
    changes.map((c) => ({
      id: crypto.randomUUID(),
      customerId: c.customerId,
      kind: c.kind,
      conversationId: c.conversationId ?? null,
      details: c.details,
      actorUserId: c.actorUserId,
    })),
  );
}

/**
 * The newest changes of a profile with the actor's display name. A change about a conversation the
 * viewer may not see (D4) is left out: its number, address and id are that conversation's.
 */
export function listChanges(
  orm: Orm,
  customerId: string,
  limit: number,
  viewer: Viewer,
): Promise<Array<{ change: CustomerChangeRow; actorName: string | null }>> {
  const visible = visibleTo(viewer);
  return orm
    .select({ change: customerChanges, actorName: users.displayName })
    .from(customerChanges)
    .leftJoin(users, eq(users.id, customerChanges.actorUserId))
    .leftJoin(conversations, eq(conversations.id, customerChanges.conversationId))
    .where(
      and(
        eq(customerChanges.customerId, customerId),
        visible && or(isNull(customerChanges.conversationId), visible),
      ),
    )
    .orderBy(desc(customerChanges.createdAt), desc(customerChanges.id))
    .limit(limit);
}

/** Hands a merged-away profile's history to the kept one. */
export async function moveChanges(tx: Orm, fromCustomerId: string, toCustomerId: string): Promise<void> {
  await tx
    .update(customerChanges)
    .set({ customerId: toCustomerId })
    .where(eq(customerChanges.customerId, fromCustomerId));
}

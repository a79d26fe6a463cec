import type { Customer, CustomerChange, CustomerConversation, CustomerDetail } from '@parley/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import { type CustomerChangeRow, listChanges } from './customer-changes.repo.ts';
import type { CustomerProfile } from './customers.service.ts';

/** How much conversation history the customer card shows (newest first). */
const CARD_HISTORY_MAX = 100;
/** How many recorded changes the profile shows (newest first). */
const CHANGES_MAX = 20;

/** The one shape of a customer profile in every `/api` output. */
export function presentCustomer(row: CustomerProfile): Customer {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    city: row.city,
    country: row.country,
    attributes: row.attributes,
    destinations: row.destinations.map((d) => ({ channel: d.channel, address: d.address })),
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A recorded change in words, with the names as they were when it happened. */
export function describeChange(change: CustomerChangeRow): string {
  const d = change.details;
  const conversation = `Conversation #${d.conversationNumber ?? '?'}`;
  switch (change.kind) {
    case 'merged':
      return `Merged ${d.mergedName ?? 'an unnamed customer'} into this profile: ${d.conversations ?? 0} conversations and ${d.destinations ?? 0} addresses moved`;
    case 'conversation_linked':
      return `${conversation} linked to this profile${d.addressChanged ? `; ${d.address} added to its addresses` : ''}`;
    case 'conversation_unlinked':
      return `${conversation} unlinked from this profile${d.addressChanged ? `; ${d.address} removed from its addresses` : ''}`;
  }
}

/** The profile with its conversations (open and closed) the viewer may see, and its recorded changes. */
export async function presentCustomerDetail(
  orm: Orm,
  row: CustomerProfile,
  viewer: Viewer,
): Promise<CustomerDetail> {
  const [history, changes] = await Promise.all([
    orm
      .select({
        id: conversations.id,
        number: conversations.number,
        topic: conversations.topic,
        status: conversations.status,
        channel: conversations.channel,
        createdAt: conversations.createdAt,
        closedAt: conversations.closedAt,
      })
      .from(conversations)
      .where(and(eq(conversations.customerId, row.id), visibleTo(viewer)))
      .orderBy(desc(conversations.createdAt), desc(conversations.id))
      .limit(CARD_HISTORY_MAX),
    listChanges(orm, row.id, CHANGES_MAX, viewer),
  ]);
  const presented: CustomerConversation[] = history.map((c) => ({
    ...c,
    createdAt: c.createdAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
  }));
  const recorded: CustomerChange[] = changes.map(({ change, actorName }) => ({
    id: change.id,
    kind: change.kind,
    text: describeChange(change),
    conversationId: change.conversationId,
    actor: change.actorUserId ? { id: change.actorUserId, displayName: actorName ?? 'Unknown user' } : null,
    createdAt: change.createdAt.toISOString(),
  }));
  return { ...presentCustomer(row), conversations: presented, changes: recorded };
}

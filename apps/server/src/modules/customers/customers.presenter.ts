import type { Customer, CustomerConversation, CustomerDetail } from '@parley/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import type { CustomerWithDestinations } from './customers.service.ts';

/** How much conversation history the customer card shows (newest first). */
const CARD_HISTORY_MAX = 100;

/** The one shape of a customer profile in every output. */
export function presentCustomer(row: CustomerWithDestinations): Customer {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    city: row.city,
    country: row.country,
    attributes: row.attributes,
    destinations: row.destinations.map((d) => ({ channel: d.channel, address: d.address })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The customer card: the profile and its conversations (open and closed) that the viewer may see. */
export async function presentCustomerDetail(
  orm: Orm,
  row: CustomerWithDestinations,
  viewer: Viewer,
): Promise<CustomerDetail> {
  const history = await orm
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
    .limit(CARD_HISTORY_MAX);
  const presented: CustomerConversation[] = history.map((c) => ({
    ...c,
    createdAt: c.createdAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
  }));
  return { ...presentCustomer(row), conversations: presented };
}

import type { Channel } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';

/** Where a reply goes, as far as the 24-hour window cares: the channel and the customer's address on it. */
export interface WindowRoute {
  channel: Channel;
  customerAddress: string;
}

/**
 * When the customer last wrote to this conversation on `route` (its channel, from its address):
 * the start of the WhatsApp and Messenger 24-hour window; null for a first contact. The provider's
 * time counts, never later than the arrival here (a webhook delivered late does not stretch the window).
 */
export async function lastCustomerMessageOn(
  orm: Orm,
  conversationId: string,
  route: WindowRoute,
): Promise<Date | null> {
  const result = await orm.execute<{ at: Date | string | null }>(sql`
    select max(least(coalesce(received_at, created_at), created_at)) as at
    from messages
    where conversation_id = ${conversationId} and direction = 'INBOUND'
      and channel = ${route.channel} and from_address = ${route.customerAddress}`);
  const at = result.rows[0]?.at ?? null;
  return at === null ? null : new Date(at);
}

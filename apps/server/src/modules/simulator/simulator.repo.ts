import type { Channel, DeliveryState, MessageContentType } from '@parley/contracts';
import { and, asc, desc, eq, isNotNull, or } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { customerDestinations, customers } from '../customers/customers.schema.ts';
import { messages } from '../messages/messages.schema.ts';

/** How many known customers the picker offers per connection (most recent destinations first). */
const CUSTOMERS_PER_CONNECTION = 25;
/** The transcript shows this many latest messages. */
const TRANSCRIPT_LIMIT = 200;

export async function listChannelCustomers(
  orm: Orm,
  channel: Channel,
): Promise<Array<{ address: string; name: string | null }>> {
  return orm
    .select({ address: customerDestinations.address, name: customers.name })
    .from(customerDestinations)
    .innerJoin(customers, eq(customers.id, customerDestinations.customerId))
    .where(eq(customerDestinations.channel, channel))
    .orderBy(desc(customerDestinations.createdAt), asc(customerDestinations.address))
    .limit(CUSTOMERS_PER_CONNECTION);
}

export interface TranscriptRow {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  contentType: MessageContentType;
  content: Record<string, unknown>;
  deliveryState: DeliveryState;
  failureReason: string | null;
  providerMessageId: string | null;
  createdAt: Date;
}

/** The route's messages both ways (any conversation), oldest first: what the customer's device holds. */
export async function findRouteMessages(
  orm: Orm,
  route: { channel: Channel; ourAddress: string; customerAddress: string },
): Promise<TranscriptRow[]> {
  const { channel, ourAddress, customerAddress } = route;
  const rows = await orm
    .select({
      id: messages.id,
      direction: messages.direction,
      contentType: messages.contentType,
      content: messages.content,
      deliveryState: messages.deliveryState,
      failureReason: messages.failureReason,
      providerMessageId: messages.providerMessageId,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.channel, channel),
        or(
          and(
            eq(messages.direction, 'INBOUND'),
            eq(messages.fromAddress, customerAddress),
            eq(messages.toAddress, ourAddress),
          ),
          and(
            eq(messages.direction, 'OUTBOUND'),
            eq(messages.fromAddress, ourAddress),
            eq(messages.toAddress, customerAddress),
          ),
        ),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(TRANSCRIPT_LIMIT);
  return (rows as TranscriptRow[]).reverse();
}

/** Our e-mails' Message-IDs to the customer, oldest first: the References of their next mail. */
export async function findOurEmailIds(
  orm: Orm,
  ourAddress: string,
  customerAddress: string,
): Promise<string[]> {
  const rows = await orm
    .select({ id: messages.providerMessageId })
    .from(messages)
    .where(
      and(
        eq(messages.channel, 'EMAIL'),
        eq(messages.direction, 'OUTBOUND'),
        eq(messages.fromAddress, ourAddress),
        eq(messages.toAddress, customerAddress),
        isNotNull(messages.providerMessageId),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(10);
  return rows.flatMap((r) => (r.id ? [r.id] : [])).reverse();
}

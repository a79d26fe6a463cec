import type { Channel, WorkingHours } from '@parley/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';
import { conversationTags } from '../conversations/conversations.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { messages } from '../messages/messages.schema.ts';
import { queues } from '../queues/queues.schema.ts';
import { isWithinWorkingHours } from '../queues/working-hours.ts';
import { tags } from '../tags/tags.schema.ts';
import type { OpenCheck, RoutingFacts } from './routing.evaluate.ts';

// Loads what routing conditions read: the customer, the conversation's tags, a customer message, and
// the working hours of the queues the rules name.

/** A customer's fields as conditions read them: standard fields, then attributes by name. */
export async function customerFacts(
  orm: Orm,
  customerId: string | null,
): Promise<Record<string, unknown> | null> {
  if (!customerId) return null;
  const [row] = await orm.select().from(customers).where(eq(customers.id, customerId));
  if (!row) return null;
  return { ...row.attributes, name: row.name, city: row.city, country: row.country, gender: row.gender };
}

export function tagFacts(orm: Orm, tagIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (tagIds.length === 0) return Promise.resolve([]);
  return orm
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(inArray(tags.id, [...tagIds]), isNull(tags.deletedAt)));
}

/**
 * Which customer message the conditions read: on creation the first one (it started the
 * conversation); on a re-route (bot hand-over) the latest, which says what the customer wants now.
 */
export type MessageChoice = 'first' | 'latest';

async function customerText(orm: Orm, conversationId: string, which: MessageChoice): Promise<string> {
  const [row] = await orm
    .select({ content: messages.content })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'INBOUND')))
    .orderBy(
      which === 'first'
        ? sql`${messages.createdAt} asc, ${messages.id} asc`
        : sql`${messages.createdAt} desc, ${messages.id} desc`,
    )
    .limit(1);
  const text = row?.content.text;
  return typeof text === 'string' ? text : '';
}

/** The facts of a stored conversation. */
export async function conversationFacts(
  orm: Orm,
  conv: ConversationRow,
  which: MessageChoice,
): Promise<RoutingFacts> {
  const tagRows = await orm
    .select({ id: tags.id, name: tags.name })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(eq(conversationTags.conversationId, conv.id));
  return {
    channel: conv.channel as Channel | null,
    from: conv.customerAddress,
    to: conv.ourAddress,
    text: await customerText(orm, conv.id, which),
    customer: await customerFacts(orm, conv.customerId),
    tags: tagRows,
  };
}

/** The live queues and their working hours: which exist (a rule naming a deleted one never matches) and which are open at `at`. */
export async function queueFactsAt(
  orm: Orm,
  at: Date,
): Promise<{ live: Map<string, LiveQueue>; isOpen: OpenCheck }> {
  const rows = await orm
    .select({ id: queues.id, name: queues.name, workingHours: queues.workingHours })
    .from(queues)
    .where(isNull(queues.deletedAt));
  const live = new Map(rows.map((r) => [r.id, r]));
  return {
    live,
    isOpen: (queueId) => {
      const queue = live.get(queueId);
      return queue !== undefined && isWithinWorkingHours(queue.workingHours, at);
    },
  };
}

interface LiveQueue {
  id: string;
  name: string;
  workingHours: WorkingHours | null;
}

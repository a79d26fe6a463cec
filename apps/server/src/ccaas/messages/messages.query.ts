import type { CcaasMessageListQuery } from '@parley/contracts';
import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { MessageRow } from '../../modules/messages/messages.repo.ts';
import { messages } from '../../modules/messages/messages.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';
import { type PageRequest, pageOf } from '../pagination.ts';

export type MessageOrderField = 'id' | 'createdAt' | 'updatedAt';

const ORDER_COLUMNS = {
  id: messages.id,
  createdAt: messages.createdAt,
  updatedAt: messages.updatedAt,
} as const;

/** One page of a conversation's messages with the reference's filters, and the number matching overall. */
export async function findMessagesPage(
  orm: Orm,
  conversationId: string,
  q: CcaasMessageListQuery,
  page: PageRequest<MessageOrderField>,
): Promise<{ rows: MessageRow[]; total: number }> {
  const where = and(
    eq(messages.conversationId, conversationId),
    q.messageIds ? inArray(messages.id, q.messageIds.filter(isUuid)) : undefined,
    q.channel ? eq(messages.channel, q.channel as MessageRow['channel']) : undefined,
    q.direction ? eq(messages.direction, q.direction) : undefined,
    q.createdAfter ? gt(messages.createdAt, q.createdAfter) : undefined,
    q.createdBefore ? lt(messages.createdAt, q.createdBefore) : undefined,
  );
  const rows = orm.select().from(messages).where(where).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(messages).where(where), page, ORDER_COLUMNS);
}

import type { CcaasConversationListQuery } from '@parley/contracts';
import { and, count, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { ConversationRow } from '../../modules/conversations/conversations.repo.ts';
import { conversations, conversationTags } from '../../modules/conversations/conversations.schema.ts';
import { tags } from '../../modules/tags/tags.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';
import { type PageRequest, pageOf } from '../pagination.ts';

export type ConversationOrderField =
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'closedAt'
  | 'status'
  | 'priority'
  | 'topic';

// Priorities and statuses sort by meaning, not alphabetically.
const ORDER_COLUMNS: Record<ConversationOrderField, SQL | typeof conversations.id> = {
  id: conversations.id,
  createdAt: sql`${conversations.createdAt}`,
  updatedAt: sql`${conversations.updatedAt}`,
  closedAt: sql`${conversations.closedAt}`,
  topic: sql`${conversations.topic}`,
  status: sql`array_position(array['OPEN','WAITING','SOLVED','CLOSED']::text[], ${conversations.status})`,
  priority: sql`array_position(array['LOW','NORMAL','HIGH','URGENT']::text[], ${conversations.priority})`,
};

/** Ids that can exist; a filter naming only impossible ids matches nothing rather than failing. */
function possibleIds(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

function filtersOf(orm: Orm, q: CcaasConversationListQuery): SQL[] {
  const where: SQL[] = [];
  if (q.conversationIds) where.push(inArray(conversations.id, possibleIds(q.conversationIds)));
  if (q.queueIds) where.push(inArray(conversations.queueId, possibleIds(q.queueIds)));
  if (q.agentId !== undefined) {
    where.push(isUuid(q.agentId) ? eq(conversations.assigneeUserId, q.agentId) : sql`false`);
  }
  if (q.tagNames) {
    const tagged = orm
      .select({ id: conversationTags.conversationId })
      .from(conversationTags)
      .innerJoin(tags, eq(tags.id, conversationTags.tagId))
      .where(
        inArray(
          sql`lower(${tags.name})`,
          q.tagNames.map((n) => n.toLowerCase()),
        ),
      );
    where.push(inArray(conversations.id, tagged));
  }
  if (q.status) where.push(eq(conversations.status, q.status));
  if (q.priority) where.push(eq(conversations.priority, q.priority));
  if (q.createdAfter) where.push(gt(conversations.createdAt, q.createdAfter));
  if (q.createdBefore) where.push(lt(conversations.createdAt, q.createdBefore));
  if (q.updatedAfter) where.push(gt(conversations.updatedAt, q.updatedAfter));
  if (q.updatedBefore) where.push(lt(conversations.updatedAt, q.updatedBefore));
  if (q.closedAfter) where.push(gt(conversations.closedAt, q.closedAfter));
  if (q.closedBefore) where.push(lt(conversations.closedAt, q.closedBefore));
  return where;
}

/** One page of conversations matching the reference's filters, and the number matching overall. */
export async function findConversationsPage(
  orm: Orm,
  query: CcaasConversationListQuery,
  page: PageRequest<ConversationOrderField>,
): Promise<{ rows: ConversationRow[]; total: number }> {
  const where = and(...filtersOf(orm, query));
  const rows = orm.select().from(conversations).where(where).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(conversations).where(where), page, ORDER_COLUMNS);
}

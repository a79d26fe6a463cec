import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { conversationTags } from '../../modules/conversations/conversations.schema.ts';
import type { TagRow } from '../../modules/tags/tags.repo.ts';
import { tags } from '../../modules/tags/tags.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { PageRequest } from '../pagination.ts';

export type TagOrderField = 'id' | 'name' | 'createdAt' | 'updatedAt';

const ORDER_COLUMNS = {
  id: tags.id,
  name: sql`lower(${tags.name})`,
  createdAt: tags.createdAt,
  updatedAt: tags.updatedAt,
} as const;

/** The conversation tag of the catalogue with this name (names are unique ignoring case, D8). */
export async function findConversationTagByName(orm: Orm, name: string): Promise<TagRow | undefined> {
  const [row] = await orm
    .select()
    .from(tags)
    .where(and(eq(tags.kind, 'conversation'), eq(sql`lower(${tags.name})`, name.toLowerCase())));
  return row;
}

/** A page of the conversation-tag catalogue, optionally only one conversation's tags or the one named `name` (ignoring case). */
export async function findTagsPage(
  orm: Orm,
  filter: { conversationId?: string; name?: string },
  page: PageRequest<TagOrderField>,
): Promise<{ rows: TagRow[]; total: number }> {
  const onConversation = filter.conversationId
    ? inArray(
        tags.id,
        orm
          .select({ id: conversationTags.tagId })
          .from(conversationTags)
          .where(eq(conversationTags.conversationId, filter.conversationId)),
      )
    : undefined;
  const where = and(
    eq(tags.kind, 'conversation'),
    onConversation,
    filter.name ? eq(sql`lower(${tags.name})`, filter.name.toLowerCase()) : undefined,
  );
  const order = page.order.map((t) =>
    t.direction === 'asc' ? asc(ORDER_COLUMNS[t.field]) : desc(ORDER_COLUMNS[t.field]),
  );
  const [rows, [totals]] = await Promise.all([
    orm
      .select()
      .from(tags)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    orm.select({ total: count() }).from(tags).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { conversationTags } from '../../modules/conversations/conversations.schema.ts';
import type { TagRow } from '../../modules/tags/tags.repo.ts';
import { tags } from '../../modules/tags/tags.schema.ts';
import type { Orm } from '../../platform/db/client.ts';
import { type PageRequest, pageOf } from '../pagination.ts';

export type TagOrderField = 'id' | 'name' | 'createdAt' | 'updatedAt';

const ORDER_COLUMNS = {
  id: tags.id,
  name: sql`lower(${tags.name})`,
  createdAt: tags.createdAt,
  updatedAt: tags.updatedAt,
} as const;

/** The live conversation tag of the catalogue with this name (live names are unique ignoring case, D8). */
export async function findConversationTagByName(orm: Orm, name: string): Promise<TagRow | undefined> {
  const [row] = await orm
    .select()
    .from(tags)
    .where(
      and(
        eq(tags.kind, 'conversation'),
        isNull(tags.deletedAt),
        eq(sql`lower(${tags.name})`, name.toLowerCase()),
      ),
    );
  return row;
}

/** A page of the live conversation-tag catalogue or of one conversation's tags, optionally only the one named `name` (ignoring case). */
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
    // The catalogue lists live tags; a CLOSED conversation still carries the deleted ones it had.
    onConversation ?? isNull(tags.deletedAt),
    filter.name ? eq(sql`lower(${tags.name})`, filter.name.toLowerCase()) : undefined,
  );
  const rows = orm.select().from(tags).where(where).$dynamic();
  return pageOf(rows, orm.select({ total: count() }).from(tags).where(where), page, ORDER_COLUMNS);
}

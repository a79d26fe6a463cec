import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { ConversationRow } from './conversations.repo.ts';
import { conversations, conversationTags } from './conversations.schema.ts';

/**
 * Non-CLOSED conversations carrying the tag, locked: a deleted tag is taken off them. Locked in the
 * order queue deletion locks its conversations, so the two never deadlock.
 */
export function lockOpenConversationsWithTag(tx: Orm, tagId: string): Promise<ConversationRow[]> {
  return tx
    .select()
    .from(conversations)
    .where(
      and(
        ne(conversations.status, 'CLOSED'),
        inArray(
          conversations.id,
          tx
            .select({ id: conversationTags.conversationId })
            .from(conversationTags)
            .where(eq(conversationTags.tagId, tagId)),
        ),
      ),
    )
    .orderBy(desc(conversations.createdAt), asc(conversations.id))
    .for('update');
}

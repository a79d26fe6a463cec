import { and, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { type Viewer, visibleTo } from '../conversations/conversations.visibility.ts';
import { messages } from '../messages/messages.schema.ts';
import { attachments } from './attachments.schema.ts';

/** An attachment without its bytes: what every read but the download needs. */
export interface AttachmentMeta {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByUserId: string | null;
  connectionId: string | null;
  urlKey: string;
  createdAt: Date;
}

export type NewAttachment = Omit<typeof attachments.$inferInsert, 'id' | 'createdAt'>;

const META = {
  id: attachments.id,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  uploadedByUserId: attachments.uploadedByUserId,
  connectionId: attachments.connectionId,
  urlKey: attachments.urlKey,
  createdAt: attachments.createdAt,
};

/**
 * Inserts a file. Inbound media with a `sourceKey` already stored for its connection is not stored
 * again: the stored one is returned (an event processed twice keeps one file).
 */
export async function insertAttachment(orm: Orm, values: NewAttachment): Promise<AttachmentMeta> {
  const [row] = await orm
    .insert(attachments)
    .values({ id: crypto.randomUUID(), ...values })
    .onConflictDoNothing()
    .returning(META);
  if (row) return row;
  const [stored] = await orm
    .select(META)
    .from(attachments)
    .where(
      and(
        eq(attachments.connectionId, values.connectionId ?? ''),
        eq(attachments.sourceKey, values.sourceKey ?? ''),
      ),
    );
  if (!stored) throw new Error('insert into attachments returned no row');
  return stored;
}

export async function findAttachmentMeta(orm: Orm, id: string): Promise<AttachmentMeta | undefined> {
  const [row] = await orm.select(META).from(attachments).where(eq(attachments.id, id));
  return row;
}

export async function findAttachmentContent(orm: Orm, id: string): Promise<Buffer | undefined> {
  const [row] = await orm
    .select({ content: attachments.content })
    .from(attachments)
    .where(eq(attachments.id, id));
  return row?.content;
}

/** Whether a message the viewer may see (D4) carries this attachment. */
export async function isAttachmentOfVisibleMessage(orm: Orm, id: string, viewer: Viewer): Promise<boolean> {
  const rows = await orm
    .select({ one: sql<number>`1` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        sql`(${messages.content} -> 'attachments') @> ${JSON.stringify([{ id }])}::jsonb`,
        visibleTo(viewer),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Inbound media already stored for a connection under the provider's id of the file. */
export async function findAttachmentBySource(
  orm: Orm,
  connectionId: string,
  sourceKey: string,
): Promise<AttachmentMeta | undefined> {
  const [row] = await orm
    .select(META)
    .from(attachments)
    .where(and(eq(attachments.connectionId, connectionId), eq(attachments.sourceKey, sourceKey)));
  return row;
}

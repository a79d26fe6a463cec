import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import type { DemoData } from './demo-types.ts';

const iso = (d: unknown) => (d as Date).toISOString();

/**
 * Inserts every demo message in one statement: one array per column, unnested by PostgreSQL. The
 * 5,000-message thread alone would be ten 500-row statements of 7,500 parameters each otherwise;
 * this binds 15 parameters whatever the count.
 */
export async function insertMessagesSetwise(tx: Orm, rows: DemoData['messages']): Promise<void> {
  if (rows.length === 0) return;
  // sql.param binds the whole array as one PostgreSQL array (a bare array would be spread as a list).
  const col = <T>(pick: (r: DemoData['messages'][number]) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`
    insert into messages (id, conversation_id, direction, channel, from_address, to_address, author_kind,
      author_user_id, content_type, content, delivery_state, failure_reason, provider_message_id,
      created_at, updated_at)
    select id, conversation_id, direction, channel, from_address, to_address, author_kind, author_user_id,
      content_type, content::jsonb, delivery_state, failure_reason, provider_message_id, created_at, updated_at
    from unnest(
      ${col((r) => r.id)}::uuid[], ${col((r) => r.conversationId)}::uuid[], ${col((r) => r.direction)}::text[],
      ${col((r) => r.channel)}::text[], ${col((r) => r.fromAddress)}::text[], ${col((r) => r.toAddress)}::text[],
      ${col((r) => r.authorKind)}::text[], ${col((r) => r.authorUserId ?? null)}::uuid[],
      ${col((r) => r.contentType)}::text[], ${col((r) => JSON.stringify(r.content))}::text[],
      ${col((r) => r.deliveryState)}::text[], ${col((r) => r.failureReason ?? null)}::text[],
      ${col((r) => r.providerMessageId ?? null)}::text[], ${col((r) => iso(r.createdAt))}::timestamptz[],
      ${col((r) => iso(r.updatedAt))}::timestamptz[]
    ) as t(id, conversation_id, direction, channel, from_address, to_address, author_kind, author_user_id,
      content_type, content, delivery_state, failure_reason, provider_message_id, created_at, updated_at)`);
}

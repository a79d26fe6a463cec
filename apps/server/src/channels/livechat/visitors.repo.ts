import { and, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { livechatVisitors } from './visitors.schema.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';

export type VisitorRow = typeof livechatVisitors.$inferSelect;

export async function insertVisitor(
  tx: Orm,
  values: Pick<VisitorRow, 'id' | 'connectionId' | 'tokenHash' | 'name' | 'email' | 'customerId'>,
): Promise<VisitorRow> {
  const [row] = await tx.insert(livechatVisitors).values(values).returning();
  if (!row) throw new Error('insert into livechat_visitors returned no row');
  return row;
}

/** The visitor holding this token on this connection (a token of another widget is no token here). */
export async function findVisitorByToken(
  orm: Orm,
  connectionId: string,
  tokenHash: string,
): Promise<VisitorRow | undefined> {
  const [row] = await orm
    .select()
    .from(livechatVisitors)
    .where(and(eq(livechatVisitors.tokenHash, tokenHash), eq(livechatVisitors.connectionId, connectionId)));
  return row;
}

/**
 * Moves the visitor's "seen up to" mark to this message unless it already is there or later; true
 * when it moved. Times are copied inside SQL so microseconds survive.
 */
export async function advanceSeenUpTo(tx: Orm, visitorId: string, messageId: string): Promise<boolean> {
  const result = await tx.execute(sql`
    update ${livechatVisitors} v
    set seen_up_to_message_id = m.id, seen_up_to_at = m.created_at
    from messages m
    where v.id = ${visitorId} and m.id = ${messageId}
      and (v.seen_up_to_at is null
        or (m.created_at, m.id) > (v.seen_up_to_at, coalesce(v.seen_up_to_message_id, ${NO_ID}::uuid)))`);
  return (result.rowCount ?? 0) > 0;
}

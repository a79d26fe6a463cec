import type { Db } from '../../platform/db/client.ts';

// Plain SQL on the pool: the listener's statements run before an SMTP answer, the others once per mail.

/** Days a raw mail is kept after it arrived (its inbound event is pruned after the same time). */
export const KEEP_RAW_DAYS = 7;

/** Stores a received mail's bytes; returns the id its inbound event names. */
export async function insertRawMail(db: Db, raw: Buffer): Promise<string> {
  const id = crypto.randomUUID();
  await db.pool.query('insert into email_raw_messages (id, raw) values ($1, $2)', [id, raw]);
  return id;
}

export async function findRawMail(db: Db, id: string): Promise<Buffer | undefined> {
  const result = await db.pool.query<{ raw: Buffer }>('select raw from email_raw_messages where id = $1', [
    id,
  ]);
  return result.rows[0]?.raw;
}

/** Drops raw mails older than KEEP_RAW_DAYS whose inbound events were processed (or are gone). */
export async function pruneRawMails(db: Db): Promise<number> {
  const result = await db.pool.query(
    `delete from email_raw_messages r
     where r.received_at < now() - make_interval(days => $1)
       and not exists (
         select 1 from inbound_events e
         where e.processed_at is null and e.payload->>'rawId' = r.id::text)`,
    [KEEP_RAW_DAYS],
  );
  return result.rowCount ?? 0;
}

/** The enabled e-mail connection receiving mail for `address` (compared lower-case). */
export async function findEmailConnectionByAddress(
  db: Db,
  address: string,
): Promise<{ id: string; sender: string } | undefined> {
  const result = await db.pool.query<{ id: string; sender: string }>(
    `select id, sender from channel_connections
     where provider = 'email' and channel = 'EMAIL' and enabled and lower(sender) = lower($1)
     limit 1`,
    [address],
  );
  return result.rows[0];
}

/** Whether an e-mail with this Message-ID is already a message in Parley. */
export async function isEmailStored(db: Db, messageId: string): Promise<boolean> {
  const result = await db.pool.query(
    `select 1 from messages where channel = 'EMAIL' and provider_message_id = $1 limit 1`,
    [messageId],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Remembers the References chain of a Message-ID; the first record of an id wins. */
export async function saveReferences(
  db: Db,
  messageId: string,
  references: readonly string[],
): Promise<void> {
  await db.pool.query(
    `insert into email_references (message_id, "references") values ($1, $2) on conflict (message_id) do nothing`,
    [messageId, references],
  );
}

/** What a reply answers: the Message-ID and References chain of the message it replies to. */
export interface ReplyParent {
  messageId: string;
  references: string[];
}

/**
 * The message our outbound e-mail `messageId` answers: the customer's latest e-mail on the same
 * route (their address to ours) received before it; without one, our own latest e-mail on that
 * route, so the agent's follow-ups stay in one thread.
 */
export async function findReplyParent(
  db: Db,
  message: { id: string; conversationId: string; from: string; to: string },
): Promise<ReplyParent | undefined> {
  const result = await db.pool.query<{ provider_message_id: string; references: string[] | null }>(
    `select m.provider_message_id, r."references"
     from messages m
     left join email_references r on r.message_id = m.provider_message_id
     where m.conversation_id = $1 and m.channel = 'EMAIL' and m.id <> $2
       and m.provider_message_id is not null
       and m.created_at <= (select created_at from messages where id = $2)
       and ((m.direction = 'INBOUND' and lower(m.from_address) = lower($3) and lower(m.to_address) = lower($4))
         or (m.direction = 'OUTBOUND' and lower(m.from_address) = lower($4) and lower(m.to_address) = lower($3)))
     order by (m.direction = 'INBOUND') desc, m.created_at desc, m.id desc
     limit 1`,
    [message.conversationId, message.id, message.to, message.from],
  );
  const row = result.rows[0];
  return row ? { messageId: row.provider_message_id, references: row.references ?? [] } : undefined;
}

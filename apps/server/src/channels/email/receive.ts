import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/client.ts';
import { insertRawMail, isEmailStored } from './email.repo.ts';
import { firstMessageId } from './message-ids.ts';
import type { ReceivedMail } from './smtp-listener.ts';

/** What the inbound event of a received mail holds: a reference to the bytes, not the bytes. */
export interface EmailEventPayload {
  rawId: string;
  /** The Message-ID as read from the header (or derived from the bytes), for the duplicate check. */
  messageId: string;
  mailFrom?: string;
  rcptTo: string[];
  receivedAt: string;
}

/** The header section of a raw mail, unfolded, as text (bodies are not needed to find an id). */
function headerSection(raw: Buffer): string {
  const text = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/** The Message-ID of a raw mail as parseEmail will see it: its header, else the hash of the bytes. */
export function rawMessageId(raw: Buffer): string {
  const header = headerSection(raw).match(/^message-id:[ \t]*(.*)$/im)?.[1];
  return firstMessageId(header) ?? `<${createHash('sha256').update(raw).digest('hex')}@parley.invalid>`;
}

/**
 * Makes a received mail durable before the listener answers 250: a Message-ID Parley already holds
 * as a message is a duplicate (nothing stored); otherwise the bytes and then the inbound event
 * naming them are stored. `storeEvent` is the inbound pipeline's store-and-kick.
 */
export async function acceptMail(
  db: Db,
  mail: ReceivedMail,
  storeEvent: (connectionId: string, payload: EmailEventPayload) => Promise<unknown>,
): Promise<'stored' | 'duplicate'> {
  const messageId = rawMessageId(mail.raw);
  if (await isEmailStored(db, messageId)) return 'duplicate';
  const rawId = await insertRawMail(db, mail.raw);
  await storeEvent(mail.connectionId, {
    rawId,
    messageId,
    ...(mail.mailFrom && { mailFrom: mail.mailFrom }),
    rcptTo: mail.rcptTo,
    receivedAt: new Date().toISOString(),
  });
  return 'stored';
}

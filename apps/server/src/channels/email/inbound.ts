import type { AttachmentRef } from '@parley/contracts';
import type { MappedInboundEvent } from '../../modules/messages/inbound-events.processor.ts';
import type { Db } from '../../platform/db/client.ts';
import { findRawMail, saveReferences } from './email.repo.ts';
import { referencesOf } from './message-ids.ts';
import { type EmailFile, parseEmail } from './parse-email.ts';
import type { EmailEventPayload } from './receive.ts';
import { type StoredFiles, toInboundMessage } from './to-inbound.ts';

/** Stores one file of a mail (idempotent per `sourceKey`); `undefined` when the store refuses it. */
export type StoreEmailFile = (
  file: EmailFile,
  sourceKey: string,
) => Promise<{ ref: AttachmentRef; url: string } | undefined>;

const nothing = (): MappedInboundEvent => ({ messages: [], statusUpdates: [], skipped: [] });

async function storeFiles(
  messageId: string,
  files: readonly EmailFile[],
  isInline: (file: EmailFile) => boolean,
  store: StoreEmailFile,
): Promise<StoredFiles> {
  const stored: StoredFiles = { attachments: [], inlineImages: new Map(), refused: [] };
  for (const file of files) {
    // Keyed by Message-ID and MIME part: a re-processed mail finds its files instead of copying them.
    const saved = await store(file, `${messageId}#${file.partId}`);
    if (!saved) {
      stored.refused.push(file.fileName);
      continue;
    }
    // Inline images are listed too: a file is downloadable where a message lists it (modules/attachments).
    stored.attachments.push(saved.ref);
    if (file.contentId && isInline(file)) stored.inlineImages.set(file.contentId, saved.url);
  }
  return stored;
}

/**
 * Maps the inbound event of a received mail: loads its bytes, parses them, and returns either a
 * bounce of one of our mails (a delivery report sent with a null envelope sender: a FAILED
 * delivery report) or one customer message with its files
 * stored. Re-running it for the same event gives the same result (files are stored idempotently).
 */
export async function mapEmailEvent(
  db: Db,
  connection: { id: string; sender: string },
  payload: EmailEventPayload,
  storeFile: StoreEmailFile,
): Promise<MappedInboundEvent> {
  const raw = await findRawMail(db, payload.rawId);
  if (!raw) throw new Error(`Raw mail ${payload.rawId} is gone`);
  const mail = await parseEmail(raw);
  // Only a null envelope sender (`MAIL FROM:<>`, RFC 5321 §4.5.5) marks a real bounce: a report
  // mailed by anyone else is an ordinary mail and fails none of our messages.
  if (mail.report && !payload.mailFrom) {
    const { originalMessageId, action, reason } = mail.report;
    const event = nothing();
    if (action === 'failed')
      event.statusUpdates.push({ providerMessageId: originalMessageId, state: 'FAILED', reason });
    else event.skipped.push({ providerMessageId: mail.messageId, reason: `delivery report (${action})` });
    return event;
  }
  // An image the HTML shows (cid:) is part of the body; any other file is listed as an attachment.
  const isInline = (f: EmailFile) =>
    f.mimeType.startsWith('image/') &&
    f.contentId !== undefined &&
    (mail.html ?? '').includes(`cid:${f.contentId}`);
  const files = await storeFiles(mail.messageId, mail.files, isInline, storeFile);
  const message = toInboundMessage(
    mail,
    {
      connectionId: connection.id,
      ourAddress: connection.sender,
      receivedAt: payload.receivedAt,
      ...(payload.mailFrom && { envelopeFrom: payload.mailFrom }),
    },
    files,
  );
  if (!message)
    return { ...nothing(), skipped: [{ providerMessageId: mail.messageId, reason: 'no sender address' }] };
  await saveReferences(db, mail.messageId, referencesOf(mail));
  return { ...nothing(), messages: [message] };
}

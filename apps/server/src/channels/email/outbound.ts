import type {
  AttachmentRef,
  EmailConnectionSettings,
  MessageContentBody,
  MessageContentType,
} from '@parley/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { ChannelError } from '../channel-error.ts';
import { composeReply, type OutgoingFile } from './compose-reply.ts';
import { findReplyParent, saveReferences } from './email.repo.ts';
import { referencesOf } from './message-ids.ts';
import { sendEmail } from './smtp-client.ts';

/** An outbound message as the send job hands it over. */
export interface OutboundEmailMessage {
  id: string;
  conversationId: string;
  from: string;
  to: string;
  contentType: MessageContentType;
  content: z.infer<typeof MessageContentBody>;
}

/** Reads a stored attachment's bytes. */
export type ReadEmailFile = (ref: AttachmentRef) => Promise<OutgoingFile>;

function bodyText(contentType: MessageContentType, content: OutboundEmailMessage['content']): string {
  switch (contentType) {
    case 'TEXT':
    case 'TEMPLATE':
      return content.text ?? '';
    case 'IMAGE':
    case 'VIDEO':
    case 'AUDIO':
    case 'DOCUMENT':
      return content.caption ?? content.text ?? '';
    case 'LOCATION': {
      const place = [content.name, content.address].filter(Boolean).join(', ');
      const { latitude: lat, longitude: lon } = content;
      const map =
        lat !== undefined && lon !== undefined
          ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}`
          : '';
      return [place, map].filter(Boolean).join('\n');
    }
  }
}

async function conversationFacts(db: Db, message: OutboundEmailMessage) {
  const result = await db.pool.query<{ topic: string; author_kind: string }>(
    `select c.topic, m.author_kind from messages m join conversations c on c.id = m.conversation_id where m.id = $1`,
    [message.id],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`Message ${message.id} is gone`);
  return { topic: row.topic, automatic: row.author_kind !== 'AGENT' };
}

/**
 * Sends one outbound message as an e-mail through the connection's SMTP server (compose-reply.ts
 * for the headers). Our Message-ID and its References chain are stored before the send, so a
 * customer's quick answer already threads. Returns the Message-ID as the provider message id.
 */
export async function sendEmailMessage(
  db: Db,
  message: OutboundEmailMessage,
  settings: EmailConnectionSettings,
  readFile: ReadEmailFile,
): Promise<{ providerMessageId: string }> {
  const text = bodyText(message.contentType, message.content);
  const refs = message.content.attachments ?? [];
  if (text.trim() === '' && refs.length === 0) {
    throw new ChannelError('unsupported_content', false, 'An e-mail needs a text or an attachment');
  }
  const [facts, parent, files] = await Promise.all([
    conversationFacts(db, message),
    findReplyParent(db, message),
    Promise.all(refs.map(readFile)),
  ]);
  const mail = composeReply({
    messageId: message.id,
    from: message.from,
    ...(settings.displayName && { displayName: settings.displayName }),
    to: message.to,
    topic: facts.topic,
    text,
    automatic: facts.automatic,
    parent,
    files,
  });
  await saveReferences(db, mail.messageId, referencesOf({ references: mail.references ?? [] }));
  await sendEmail(settings.smtp, mail);
  return { providerMessageId: mail.messageId };
}

import type { AttachmentRef, InboundMessage } from '@parley/contracts';
import { replyCandidates } from './message-ids.ts';
import type { ParsedEmail } from './parse-email.ts';
import { stripQuotedReply } from './quoted-text.ts';
import { sanitizeEmailHtml } from './sanitize.ts';

/** Characters of an e-mail's text kept (the message limit of D11 is for what agents write). */
export const MAX_EMAIL_TEXT = 100_000;
/** Characters of sanitised HTML kept; a longer body is shown as text only. */
export const MAX_EMAIL_HTML = 500_000;

/** Where an e-mail's files went: stored ones by part, and what could not be stored. */
export interface StoredFiles {
  attachments: AttachmentRef[];
  /** Content-ID → URL of inline images that were stored. */
  inlineImages: Map<string, string>;
  /** File names Parley did not keep (type not accepted, too large), told in the text. */
  refused: string[];
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The channel-independent message of a received e-mail: From → customer address (and name),
 * subject, the text without quoted history, the sanitised HTML, the stored attachments, and the
 * ids it answers (In-Reply-To, References) for threading. Undefined for a mail without sender.
 */
export function toInboundMessage(
  mail: ParsedEmail,
  context: { connectionId: string; ourAddress: string; receivedAt: string; envelopeFrom?: string },
  files: StoredFiles,
): InboundMessage | undefined {
  const from = mail.from?.address ?? context.envelopeFrom?.toLowerCase();
  if (!from) return undefined;
  const notes = files.refused.map((name) => `[attachment not kept: ${name}]`);
  const text = clip([stripQuotedReply(mail.text), ...notes].filter(Boolean).join('\n\n'), MAX_EMAIL_TEXT);
  const html = mail.html ? sanitizeEmailHtml(mail.html, { inlineImages: files.inlineImages }) : '';
  const replyTo = replyCandidates(mail);
  return {
    connectionId: context.connectionId,
    channel: 'EMAIL',
    providerMessageId: mail.messageId,
    from,
    to: context.ourAddress,
    receivedAt: context.receivedAt,
    contentType: 'TEXT',
    content: {
      text,
      ...(mail.subject && { subject: mail.subject }),
      ...(html && html.length <= MAX_EMAIL_HTML && { html }),
      ...(files.attachments.length > 0 && { attachments: files.attachments }),
    },
    ...(mail.from?.name && { customerName: mail.from.name }),
    ...(replyTo.length > 0 && { replyTo }),
  };
}

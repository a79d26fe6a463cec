import type { ReplyParent } from './email.repo.ts';
import { baseSubject, outboundMessageId, replySubject, replyThreadHeaders } from './message-ids.ts';

/** A file to attach, read from the attachment store. */
export interface OutgoingFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Everything an outbound e-mail is made of, independent of the SMTP library. */
export interface OutgoingEmail {
  from: { name?: string; address: string };
  to: string;
  subject: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  text: string;
  html: string;
  files: OutgoingFile[];
  headers: Record<string, string>;
}

export interface ReplyInput {
  /** Parley's id of the message: the Message-ID is derived from it. */
  messageId: string;
  from: string;
  displayName?: string;
  to: string;
  /** The conversation topic: the subject of every mail of the conversation. */
  topic: string;
  text: string;
  /** Written by a bot (or an integration without an agent): marked as automatic (RFC 3834). */
  automatic: boolean;
  parent: ReplyParent | undefined;
  files: OutgoingFile[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** The agent's plain text as simple HTML: paragraphs on blank lines, line breaks kept, links clickable. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((p) =>
      escapeHtml(p)
        .replace(/\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>'),
    );
  const body = paragraphs.map((p) => `<p style="margin:0 0 1em">${p}</p>`).join('\n');
  return `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5">\n${body}\n</body></html>`;
}

/**
 * Our e-mail for an outbound message: From our address (with the connection's display name),
 * Subject "Re: <topic>" when it answers a mail (the topic alone when the agent writes first),
 * a Message-ID derived from the message id, In-Reply-To / References after the parent, the text
 * and its simple HTML twin, and the message's files.
 */
export function composeReply(input: ReplyInput): OutgoingEmail {
  const threading = replyThreadHeaders(input.parent);
  const topic = baseSubject(input.topic) || 'Your message';
  return {
    from: { address: input.from, ...(input.displayName && { name: input.displayName }) },
    to: input.to,
    subject: input.parent ? replySubject(topic) : topic,
    messageId: outboundMessageId(input.messageId, input.from),
    ...threading,
    text: input.text,
    html: textToHtml(input.text),
    files: input.files,
    headers: input.automatic ? { 'Auto-Submitted': 'auto-generated' } : {},
  };
}

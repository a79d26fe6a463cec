import { createHash } from 'node:crypto';
import { type AddressObject, type HeaderValue, type StructuredHeader, simpleParser } from 'mailparser';
import { firstMessageId, parseMessageIds } from './message-ids.ts';

/** A file carried by a received e-mail. */
export interface EmailFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** Content-ID without brackets: an inline image the HTML shows with `cid:`. */
  contentId?: string;
  /** Where the file sits in the MIME tree ("1.2"), stable across re-parses of the same message. */
  partId: string;
}

/** What Parley takes from a received e-mail. */
export interface ParsedEmail {
  /** The Message-ID; a message without one gets `<sha256-of-the-message@parley.invalid>`. */
  messageId: string;
  from: { address: string; name?: string } | undefined;
  subject: string;
  inReplyTo: string[];
  references: string[];
  text: string;
  html: string | undefined;
  files: EmailFile[];
  /** An automatic message (RFC 3834 Auto-Submitted, out-of-office, bulk or list mail). */
  automatic: boolean;
  /** A delivery status notification (RFC 3464) about one of our e-mails. */
  report?: DeliveryReport;
}

/** What a bounce says about the e-mail it returns. */
export interface DeliveryReport {
  /** The Message-ID of the returned e-mail (ours when we sent it). */
  originalMessageId: string;
  /** `failed` is final; `delayed` only tells the server is still trying. */
  action: 'failed' | 'delayed' | 'other';
  /** The receiving server's words (Diagnostic-Code, else Status). */
  reason: string;
}

/** HTML larger than this is not converted to text (mailparser's converter is slow on huge input). */
const MAX_HTML_TO_TEXT = 2_000_000;

function firstAddress(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  for (const entry of list.flatMap((a) => a.value)) {
    const found = entry.address ? entry : entry.group?.find((g) => g.address);
    if (found?.address) {
      return { address: found.address.toLowerCase(), ...(found.name.trim() && { name: found.name.trim() }) };
    }
  }
  return undefined;
}

function headerText(value: HeaderValue | undefined): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

function isAutomatic(headers: Map<string, HeaderValue>): boolean {
  const auto = headerText(headers.get('auto-submitted')).trim().toLowerCase();
  if (auto !== '' && auto !== 'no') return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(headerText(headers.get('precedence')).trim())) return true;
  return headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('list-id');
}

function structured(value: HeaderValue | undefined): StructuredHeader {
  return value && typeof value === 'object' && 'params' in value && typeof value.value === 'string'
    ? (value as StructuredHeader)
    : { value: '', params: {} };
}

/**
 * The report of a bounce: a multipart/report of type delivery-status carries the status fields
 * (which mailparser adds to the text) and the returned message's headers as a part of its own.
 */
function deliveryReport(mail: Awaited<ReturnType<typeof simpleParser>>): DeliveryReport | undefined {
  const type = structured(mail.headers.get('content-type'));
  if (type.value !== 'multipart/report' || type.params['report-type']?.toLowerCase() !== 'delivery-status') {
    return undefined;
  }
  const returned = mail.attachments.find((a) =>
    /^(text\/rfc822-headers|message\/rfc822)$/.test(a.contentType),
  );
  const original = firstMessageId(returned?.content.toString('utf8').match(/^message-id:[ \t]*(.+)$/im)?.[1]);
  if (!original) return undefined;
  const text = mail.text ?? '';
  const action = text.match(/^action:[ \t]*(\w+)/im)?.[1]?.toLowerCase();
  const reason =
    text.match(/^diagnostic-code:[ \t]*(?:[\w-]+;)?[ \t]*(.+)$/im)?.[1] ??
    text.match(/^status:[ \t]*(.+)$/im)?.[1] ??
    'The receiving mail server returned the e-mail';
  return {
    originalMessageId: original,
    action: action === 'failed' || action === 'delayed' ? action : 'other',
    reason: reason.trim(),
  };
}

/**
 * Parses a raw RFC 5322 message (MIME, any charset and transfer encoding) into the parts Parley
 * keeps. Inline images keep their Content-ID so the HTML's `cid:` links can be pointed at them.
 */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, {
    keepCidLinks: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
  });
  const messageId =
    firstMessageId(mail.messageId) ?? `<${createHash('sha256').update(raw).digest('hex')}@parley.invalid>`;
  const parsed: ParsedEmail = {
    messageId,
    from: firstAddress(mail.from),
    subject: (mail.subject ?? '').replace(/\s+/g, ' ').trim(),
    inReplyTo: parseMessageIds(mail.inReplyTo),
    references: parseMessageIds(mail.references),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : undefined,
    files: mail.attachments.map((a, i) => ({
      fileName: a.filename?.trim() || `attachment-${i + 1}`,
      mimeType: a.contentType.toLowerCase(),
      bytes: a.content,
      ...(a.cid && { contentId: a.cid }),
      partId: a.partId ?? String(i + 1),
    })),
    automatic: isAutomatic(mail.headers),
  };
  const report = deliveryReport(mail);
  return report ? { ...parsed, report } : parsed;
}

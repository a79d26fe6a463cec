// Message-ID threading (RFC 5322 §3.6.4): ids are kept as written, angle brackets included, so an
// id Parley stored compares equal to the same id quoted in a later In-Reply-To or References.

/** Ids a References header keeps: the first (the thread's root) and the most recent ones. */
export const MAX_REFERENCES = 20;

/** Ids of one message looked up when threading a reply (In-Reply-To and the latest References). */
export const MAX_REPLY_CANDIDATES = 20;

const MESSAGE_ID = /<[^<>\s]+>/g;

/**
 * The message ids of an In-Reply-To / References / Message-ID header value, in order, each once.
 * A bare id without angle brackets (seen from a few old clients) is accepted and bracketed.
 */
export function parseMessageIds(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const found: string[] = text.match(MESSAGE_ID) ?? [];
  if (found.length === 0) {
    const bare = text.trim();
    if (/^[^\s<>@]+@[^\s<>@]+$/.test(bare)) found.push(`<${bare}>`);
  }
  return [...new Set(found)];
}

/** The first message id of a header value, if it has one. */
export function firstMessageId(value: string | readonly string[] | undefined): string | undefined {
  return parseMessageIds(value)[0];
}

/**
 * The References chain of a received message: its References header, else its In-Reply-To (what
 * RFC 5322 tells a replier to fall back on), ending with the nearest ancestor.
 */
export function referencesOf(headers: {
  inReplyTo?: readonly string[];
  references?: readonly string[];
}): string[] {
  const references = headers.references ?? [];
  const parent = headers.inReplyTo ?? [];
  const chain = references.length > 0 ? [...references] : [...parent];
  // Some clients leave the parent out of References; it belongs at the end.
  for (const id of parent) if (!chain.includes(id)) chain.push(id);
  return chain;
}

/**
 * The earlier messages a received message answers, nearest first: its In-Reply-To, then its
 * References from the latest back. Threading takes the first one Parley stored.
 */
export function replyCandidates(headers: {
  inReplyTo?: readonly string[];
  references?: readonly string[];
}): string[] {
  const ordered = [...(headers.inReplyTo ?? []), ...[...(headers.references ?? [])].reverse()];
  return [...new Set(ordered)].slice(0, MAX_REPLY_CANDIDATES);
}

/** What a reply to `parent` carries: In-Reply-To the parent, References its chain plus the parent. */
export interface ThreadHeaders {
  inReplyTo?: string;
  references?: string[];
}

/**
 * Threading headers of our reply. Without a parent (the agent wrote first) there are none. Long
 * chains keep their root and the latest ids (MAX_REFERENCES), as RFC 5322 allows.
 */
export function replyThreadHeaders(
  parent: { messageId: string; references: readonly string[] } | undefined,
): ThreadHeaders {
  if (!parent) return {};
  const chain = [
    ...new Set([...parent.references.filter((id) => id !== parent.messageId), parent.messageId]),
  ];
  const references =
    chain.length <= MAX_REFERENCES
      ? chain
      : [chain[0] as string, ...chain.slice(chain.length - (MAX_REFERENCES - 1))];
  return { inReplyTo: parent.messageId, references };
}

/**
 * The Message-ID of an outbound message: derived from Parley's message id (so a send repeated after a
 * crash carries the same id and receivers can drop the copy) and the domain of our address.
 */
export function outboundMessageId(messageId: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'parley.invalid';
  return `<${messageId}@${domain}>`;
}

const REPLY_PREFIX = /^\s*((re|fwd?|aw|wg|sv|vs|antw|r|rif|tr|odp|ynt)\s*(\[\d+\])?\s*:\s*)+/i;

/** A subject without the reply and forward prefixes mail clients add ("Re:", "Fwd:", "AW:" …). */
export function baseSubject(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim();
}

/** The subject of every reply in a conversation: "Re: " and its topic, so clients keep one thread. */
export function replySubject(topic: string): string {
  const base = baseSubject(topic);
  return base ? `Re: ${base}` : 'Re: your message';
}

import type { VisitorMessage } from '@parley/contracts';

// The widget's chat as pure data, so merging, the outbox and read marks are tested without a DOM.

/** A message the visitor wrote that the server has not confirmed yet (kept across reloads). */
export interface OutboxEntry {
  clientId: string;
  text: string;
  attachment: { attachmentId: string; fileName: string; mimeType: string } | null;
  createdAt: string;
  /** `sending`: on its way or waiting for the connection; `failed`: refused, the visitor may retry. */
  state: 'sending' | 'failed';
  error?: string;
}

const order = (a: VisitorMessage, b: VisitorMessage) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Adds `incoming` to `current` once each (by id), in timeline order; returns `current` when nothing is new. */
export function mergeMessages(
  current: readonly VisitorMessage[],
  incoming: readonly VisitorMessage[],
): VisitorMessage[] {
  const known = new Set(current.map((m) => m.id));
  const fresh: VisitorMessage[] = [];
  for (const m of incoming) {
    if (known.has(m.id)) continue;
    known.add(m.id);
    fresh.push(m);
  }
  if (fresh.length === 0) return current as VisitorMessage[];
  return [...current, ...fresh].sort(order);
}

/** The outbox without the entries the server has confirmed (a stored message carries their client id). */
export function confirmOutbox(
  outbox: readonly OutboxEntry[],
  messages: readonly VisitorMessage[],
): OutboxEntry[] {
  const stored = new Set(messages.flatMap((m) => (m.clientId ? [m.clientId] : [])));
  const left = outbox.filter((e) => !stored.has(e.clientId));
  return left.length === outbox.length ? (outbox as OutboxEntry[]) : left;
}

/** The visitor message to show "Seen" under: the latest one at or before the agents' read mark. */
export function seenMessageId(messages: readonly VisitorMessage[], seenUpTo: string | null): string | null {
  if (!seenUpTo) return null;
  const mark = messages.findIndex((m) => m.id === seenUpTo);
  if (mark < 0) return null;
  for (let i = mark; i >= 0; i--) if (messages[i]?.author === 'visitor') return messages[i]?.id ?? null;
  return null;
}

/** The newest agent message, which receipts name (`upTo`). */
export function latestAgentMessage(messages: readonly VisitorMessage[]): VisitorMessage | null {
  for (let i = messages.length - 1; i >= 0; i--)
    if (messages[i]?.author === 'agent') return messages[i] ?? null;
  return null;
}

/** Agent messages after the one the visitor last saw (all of them when they saw none). */
export function unreadAgentMessages(
  messages: readonly VisitorMessage[],
  seenAgentUpTo: string | null,
): number {
  const from = seenAgentUpTo ? messages.findIndex((m) => m.id === seenAgentUpTo) + 1 : 0;
  return messages.slice(from).filter((m) => m.author === 'agent').length;
}

/** Whether `id` comes after `other` in the list (an unknown `other` counts as earlier). */
export function isAfter(messages: readonly VisitorMessage[], id: string, other: string | null): boolean {
  if (!other) return true;
  return messages.findIndex((m) => m.id === id) > messages.findIndex((m) => m.id === other);
}

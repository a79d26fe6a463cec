import {
  type Conversation,
  type ConversationListItem,
  type MessagePreview,
  previewText,
  type TimelineMessage,
} from '@parley/contracts';

// Pure edits of cached conversation lists, applied from realtime events so lists follow the
// server without refetching. Each returns the same array when nothing changed, so callers can
// skip a cache write (and a re-render).

/** A conversation as `conversation.changed` carries it: without the receiver's unread count. */
export type SharedConversation = Omit<Conversation, 'unreadCount'>;

const NO_TIME = Number.NEGATIVE_INFINITY;
const timeOf = (iso: string | null) => (iso ? Date.parse(iso) : NO_TIME);

/** MY WORK order (same as the server's `lastCustomerMessage` sort): newest customer message first, never-written last, then id. */
type Ordered = Pick<ConversationListItem, 'id' | 'lastCustomerMessageAt'>;

export function compareByLastCustomerMessage(a: Ordered, b: Ordered): number {
  const byTime = timeOf(b.lastCustomerMessageAt) - timeOf(a.lastCustomerMessageAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function sortByLastCustomerMessage(rows: readonly ConversationListItem[]): ConversationListItem[] {
  return [...rows].sort(compareByLastCustomerMessage);
}

/**
 * Would the conversation sort into the loaded part of a list cut at its last row (`truncated`)?
 * One further down is not loaded anyway, so its changes need no refetch.
 */
export function sortsIntoLoaded(
  rows: readonly Ordered[],
  truncated: boolean,
  conversation: Ordered,
): boolean {
  const last = rows.at(-1);
  return !truncated || !last || compareByLastCustomerMessage(conversation, last) <= 0;
}

/** MY WORK holds the caller's assigned conversations that are not CLOSED (D5). */
export function isInMyWork(conversation: SharedConversation, myUserId: string): boolean {
  return conversation.assignee?.id === myUserId && conversation.status !== 'CLOSED';
}

/** The list preview of a customer message, cut as the server's presenter cuts it. */
export function previewOf(message: TimelineMessage): MessagePreview {
  return {
    contentType: message.contentType,
    text: previewText(message.content),
    createdAt: message.createdAt,
  };
}

/** Takes the pushed conversation's fields into its row, keeping what the push lacks (unread, preview). */
export function mergeConversation(
  rows: ConversationListItem[],
  conversation: SharedConversation,
): ConversationListItem[] {
  const index = rows.findIndex((r) => r.id === conversation.id);
  if (index < 0) return rows;
  const next = [...rows];
  const row = rows[index] as ConversationListItem;
  next[index] = { ...row, ...conversation };
  return next;
}

export function removeRow(rows: ConversationListItem[], conversationId: string): ConversationListItem[] {
  return rows.some((r) => r.id === conversationId) ? rows.filter((r) => r.id !== conversationId) : rows;
}

/**
 * A customer message arrived: it becomes the row's preview and time and adds one unread. A message
 * not newer than the row's preview is already counted (the list was fetched after it), so it is ignored.
 */
export function applyCustomerMessage(
  rows: ConversationListItem[],
  conversationId: string,
  message: TimelineMessage,
): ConversationListItem[] {
  const index = rows.findIndex((r) => r.id === conversationId);
  const row = rows[index];
  if (!row) return rows;
  const known = row.lastCustomerMessage;
  if (known && timeOf(known.createdAt) >= timeOf(message.createdAt)) return rows;
  const next = [...rows];
  next[index] = {
    ...row,
    lastCustomerMessage: previewOf(message),
    lastCustomerMessageAt: message.createdAt,
    unreadCount: row.unreadCount + 1,
  };
  return next;
}

export function setUnreadCount(
  rows: ConversationListItem[],
  conversationId: string,
  unreadCount: number,
): ConversationListItem[] {
  const index = rows.findIndex((r) => r.id === conversationId);
  const row = rows[index];
  if (!row || row.unreadCount === unreadCount) return rows;
  const next = [...rows];
  next[index] = { ...row, unreadCount };
  return next;
}

/** Is this timeline entry a message from the customer (the kind that moves MY WORK)? */
export function isCustomerMessage(item: { type: string }): item is TimelineMessage {
  return item.type === 'message' && (item as TimelineMessage).direction === 'INBOUND';
}

import { z } from 'zod';
import {
  ActorKind,
  AuthorKind,
  Channel,
  ConversationLogKind,
  ConversationStatus,
  DeliveryState,
  MessageContentType,
  MessageDirection,
  Priority,
} from './conversations-enums.ts';
import { MessageContentBody } from './inbound.ts';

/** A person as other screens show them: id and display name. */
export const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const QueueRef = z.object({ id: z.uuid(), name: z.string() });
export type QueueRef = z.infer<typeof QueueRef>;

/** A catalogue tag as a chip. */
export const TagRef = z.object({ id: z.uuid(), name: z.string(), color: z.string() });
export type TagRef = z.infer<typeof TagRef>;

/** The customer side of a conversation: the profile when recognised (D6), and the address it writes from. */
export const ConversationCustomer = z.object({
  /** Null while the address belongs to no customer profile (unknown customer). */
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  /** The customer's address on the conversation's channel; null for a conversation without a channel. */
  address: z.string().nullable(),
});
export type ConversationCustomer = z.infer<typeof ConversationCustomer>;

/** One conversation (D2) as the caller sees it. Times are ISO 8601. */
export const Conversation = z.object({
  id: z.uuid(),
  /** Short human number ("#1042"). */
  number: z.number().int(),
  topic: z.string(),
  status: ConversationStatus,
  priority: Priority,
  /** Null only for a conversation whose queue is unknown; it is then treated as the Default queue. */
  queue: QueueRef.nullable(),
  assignee: PersonRef.nullable(),
  customer: ConversationCustomer,
  /** Every channel used; more than one makes it omnichannel. */
  channels: z.array(Channel),
  tags: z.array(TagRef),
  summary: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastCustomerMessageAt: z.string().nullable(),
  /** Start of "pending agent reply"; null when nothing waits for an agent. */
  pendingSince: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Customer messages the caller has not read (D2 per-agent unread). */
  unreadCount: z.number().int().nonnegative(),
});
export type Conversation = z.infer<typeof Conversation>;

/** The last customer message of a list row, shortened for display. */
export const MessagePreview = z.object({
  contentType: MessageContentType,
  /** Text (or caption, file or place name) cut to a preview length; empty when the content has none. */
  text: z.string(),
  createdAt: z.string(),
});
export type MessagePreview = z.infer<typeof MessagePreview>;

/** Characters of a list row's preview, the ellipsis included. */
export const PREVIEW_LENGTH = 200;

/** What a list row shows of a message: its text, else caption, file name or place, cut to PREVIEW_LENGTH. */
export function previewText(content: z.infer<typeof MessageContentBody>): string {
  const text = content.text ?? content.caption ?? content.fileName ?? content.name ?? content.address ?? '';
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}

/** A row of a conversation list (MY WORK, ALL WORK views). */
export const ConversationListItem = Conversation.extend({ lastCustomerMessage: MessagePreview.nullable() });
export type ConversationListItem = z.infer<typeof ConversationListItem>;

/** One side of a change-log entry: the raw value (enum value or id) and what to show for it. */
export const LogValue = z.object({ value: z.string(), label: z.string() });
export type LogValue = z.infer<typeof LogValue>;

/** A message exchanged with the customer, in the timeline. */
export const TimelineMessage = z.object({
  type: z.literal('message'),
  id: z.uuid(),
  direction: MessageDirection,
  channel: Channel,
  from: z.string(),
  to: z.string(),
  authorKind: AuthorKind,
  /** The agent who wrote an AGENT message. */
  author: PersonRef.nullable(),
  contentType: MessageContentType,
  content: MessageContentBody,
  deliveryState: DeliveryState,
  /** Why a FAILED message failed, in the provider's words; stored with it, absent in any other state. */
  failureReason: z.string().optional(),
  /** The id the sending browser chose, so an optimistic row can be matched. */
  clientId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type TimelineMessage = z.infer<typeof TimelineMessage>;

/** An internal note between agents (never sent to the customer). */
export const TimelineNote = z.object({
  type: z.literal('note'),
  id: z.uuid(),
  author: PersonRef,
  text: z.string(),
  createdAt: z.string(),
});
export type TimelineNote = z.infer<typeof TimelineNote>;

/** A change-log entry (status, assignment, priority, tag, queue); null from/to means "none". */
export const TimelineLog = z.object({
  type: z.literal('log'),
  id: z.uuid(),
  kind: ConversationLogKind,
  from: LogValue.nullable(),
  to: LogValue.nullable(),
  actorKind: ActorKind,
  /** The person who made the change; null for automation and system. */
  actor: PersonRef.nullable(),
  createdAt: z.string(),
});
export type TimelineLog = z.infer<typeof TimelineLog>;

/** One entry of the merged conversation timeline. */
export const TimelineItem = z.discriminatedUnion('type', [TimelineMessage, TimelineNote, TimelineLog]);
export type TimelineItem = z.infer<typeof TimelineItem>;

/** A keyset page: `nextCursor` fetches the following page; null on the last one. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

export const ConversationPage = Page(ConversationListItem);
export const TimelinePage = Page(TimelineItem);
export const RecentlyViewedList = z.object({ items: z.array(ConversationListItem) });
export type RecentlyViewedList = z.infer<typeof RecentlyViewedList>;

/**
 * The predefined lists: MY WORK, Unassigned, All (non-closed), History (closed too), one queue, and
 * All Bots (held by a bot: a live bot session, D4).
 */
export const CONVERSATION_VIEWS = ['mine', 'unassigned', 'all', 'history', 'queue', 'bots'] as const;
export const ConversationView = z.enum(CONVERSATION_VIEWS);
export type ConversationView = z.infer<typeof ConversationView>;

export const CONVERSATION_SORTS = [
  'pending',
  'customer',
  'priority',
  'requested',
  'lastCustomerMessage',
] as const;
export const ConversationSort = z.enum(CONVERSATION_SORTS);
export type ConversationSort = z.infer<typeof ConversationSort>;

/** A query-string list: repeated (`?status=OPEN&status=WAITING`) or comma-separated. */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(100));

export const MAX_PAGE_LIMIT = 100;
const PageLimit = z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT);

/** The filters and ordering of a conversation list, as query-string fields. */
const listFilterFields = {
  view: ConversationView.default('all'),
  status: listParam(ConversationStatus).optional(),
  priority: listParam(Priority).optional(),
  channel: listParam(Channel).optional(),
  queueId: listParam(z.uuid()).optional(),
  assigneeId: listParam(z.uuid()).optional(),
  customerId: z.uuid().optional(),
  tag: listParam(z.uuid()).optional(),
  /** Searches topic, customer name and address, number and message text. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Only conversations pending an agent reply for longer than this. */
  pendingLongerThanSeconds: z.coerce.number().int().min(0).optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  /** Default: `lastCustomerMessage` for `mine`, `requested` for `history`, else `pending` (longest first). */
  sort: ConversationSort.optional(),
  /** Default per sort: pending and customer ascending, the others descending. */
  direction: z.enum(['asc', 'desc']).optional(),
};

const hasQueueIdForQueueView = (q: { view: ConversationView; queueId?: string[] }) =>
  q.view !== 'queue' || (q.queueId?.length ?? 0) > 0;
const queueIdMissing = { message: 'view=queue needs queueId', path: ['queueId'] };

/** `GET /api/conversations`. Filters narrow the view; `view=queue` needs `queueId`. */
export const ConversationListQuery = z
  .object({
    ...listFilterFields,
    cursor: z.string().max(500).optional(),
    limit: PageLimit.default(50),
  })
  .refine(hasQueueIdForQueueView, queueIdMissing);
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

/** `GET /api/views/count`: the list's filters without a page, to count what the list would show. */
export const ConversationCountQuery = z
  .object(listFilterFields)
  .refine(hasQueueIdForQueueView, queueIdMissing);
export type ConversationCountQuery = z.infer<typeof ConversationCountQuery>;

/** `GET /api/conversations/:id/timeline`: newest page first; `before` is the previous page's cursor. */
export const TimelineQuery = z.object({
  before: z.string().max(500).optional(),
  limit: PageLimit.default(50),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

/** `POST /api/conversations/:id/unread`: this message and every later one become unread. */
export const MarkUnreadRequest = z.object({ messageId: z.uuid() });
export type MarkUnreadRequest = z.infer<typeof MarkUnreadRequest>;

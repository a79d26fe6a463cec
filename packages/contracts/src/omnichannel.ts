import { z } from 'zod';
import { Channel } from './conversations-enums.ts';

// D2 omnichannel: replying on another channel of the same customer ("change channel") and
// merging conversations of one customer into one.

/** Where a reply goes: the channel, our sender on it and the customer's address on it. */
export const ReplyRoute = z.object({
  channel: Channel,
  /** Our sender on the channel (number, page id, mailbox, widget id). */
  ourAddress: z.string().trim().min(1).max(320),
  /** The customer's address on the channel; one of the customer's destinations. */
  customerAddress: z.string().trim().min(1).max(320),
});
export type ReplyRoute = z.infer<typeof ReplyRoute>;

/** A conversation named by id and short number ("#1042"). */
export const ConversationRef = z.object({ id: z.uuid(), number: z.number().int() });
export type ConversationRef = z.infer<typeof ConversationRef>;

/** One way the agent may reply in a conversation, as the composer's channel picker offers it. */
export const ReplyRouteOption = ReplyRoute.extend({
  /** The admin's label of the channel connection sending from `ourAddress`. */
  connectionName: z.string(),
  /** The route a reply takes when none is chosen: that of the customer's last message here. */
  isDefault: z.boolean(),
  /**
   * Another open conversation of the customer already uses this route: merge it first. Its id and
   * number are null when the viewer may not see it (D4).
   */
  heldBy: z.object({ id: z.uuid().nullable(), number: z.number().int().nullable() }).nullable(),
  /**
   * When the customer last wrote to this conversation on the route's channel from its address (the
   * start of WhatsApp's and Messenger's 24-hour window, D7); null when never.
   */
  lastCustomerMessageAt: z.string().nullable(),
});
export type ReplyRouteOption = z.infer<typeof ReplyRouteOption>;

/**
 * `GET /api/conversations/:id/reply-routes`: every route a reply may take (enabled connections ×
 * the customer's destinations on their channel, plus the conversation's own threads), default first.
 */
export const ReplyRouteList = z.object({ items: z.array(ReplyRouteOption) });
export type ReplyRouteList = z.infer<typeof ReplyRouteList>;

/** Conversations merged into one at a time, at most. */
export const MAX_MERGE_SOURCES = 20;

/**
 * `POST /api/conversations/:id/merge`: the conversations `sourceIds` (same customer, not CLOSED)
 * move into conversation `:id` and are closed, pointing to it.
 */
export const MergeConversationsRequest = z.object({
  /** The conversations merged into this one; distinct, without the target itself. */
  sourceIds: z
    .array(z.uuid())
    .min(1)
    .max(MAX_MERGE_SOURCES)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'sourceIds must be distinct' }),
});
export type MergeConversationsRequest = z.infer<typeof MergeConversationsRequest>;

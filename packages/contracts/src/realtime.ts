import { z } from 'zod';
import { User } from './auth.ts';
import { Conversation, TimelineItem } from './conversations.ts';
import { Availability } from './enums.ts';

/** Events pushed to browsers over `/api/ws`. `type` is `<entity>.<past verb>`. */
export const RealtimeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.ready'), payload: z.object({ userId: z.uuid() }) }),
  z.object({
    type: z.literal('user.availability_changed'),
    payload: z.object({ userId: z.uuid(), availability: Availability, changedAt: z.string() }),
  }),
  z.object({ type: z.literal('user.updated'), payload: User }),
  /** The supervisors' dashboard data changed (at most once a second): refetch GET /api/dashboard. */
  z.object({ type: z.literal('dashboard.changed'), payload: z.object({ at: z.string() }) }),
  /**
   * A conversation the receiver may see changed. `change` is the domain event
   * (`conversation.assigned`, `message.received` …). The unread count
   * is per user, so it is not carried; a change that wrote a change-log entry is a cue for an open
   * timeline to refetch its newest page.
   */
  z.object({
    type: z.literal('conversation.changed'),
    payload: z.object({ change: z.string(), conversation: Conversation.omit({ unreadCount: true }) }),
  }),
  /**
   * A conversation just left the receiver's sight (moved out of their queue, assigned away): lists
   * and an open view drop it. Only the id travels, since the receiver may no longer see the rest.
   */
  z.object({
    type: z.literal('conversation.removed'),
    payload: z.object({ conversationId: z.uuid() }),
  }),
  /** A message or note was added to a conversation's timeline. */
  z.object({
    type: z.literal('timeline.appended'),
    payload: z.object({ conversationId: z.uuid(), item: TimelineItem }),
  }),
  /** A timeline entry changed in place (an outbound message's delivery state moved). */
  z.object({
    type: z.literal('timeline.updated'),
    payload: z.object({ conversationId: z.uuid(), item: TimelineItem }),
  }),
  /**
   * The customer started or stopped typing (live chat). Not stored; a client drops the indicator
   * after CUSTOMER_TYPING_TTL_SECONDS without a renewal, and when a customer message arrives.
   */
  z.object({
    type: z.literal('conversation.customer_typing'),
    payload: z.object({ conversationId: z.uuid(), typing: z.boolean() }),
  }),
  /** The receiver's own read state of a conversation changed (another tab opened or marked it unread). */
  z.object({
    type: z.literal('conversation.read_state_changed'),
    payload: z.object({ conversationId: z.uuid(), unreadCount: z.number().int().nonnegative() }),
  }),
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;
export type RealtimeEventType = RealtimeEvent['type'];

/** Messages a browser may send over the socket. */
export const RealtimeClientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type RealtimeClientMessage = z.infer<typeof RealtimeClientMessage>;

/** The server's answer to a client `ping` (not an event: it goes only to the socket that asked). */
export const RealtimePong = z.object({ type: z.literal('pong') });
export type RealtimePong = z.infer<typeof RealtimePong>;

/** A typing indicator lasts this long unless renewed (senders renew it every few seconds while typing). */
export const CUSTOMER_TYPING_TTL_SECONDS = 8;

/** Seconds between server heartbeats; a client that hears nothing for 2 intervals reconnects. */
export const HEARTBEAT_SECONDS = 20;

/**
 * WebSocket close code: the session was revoked, the user disabled or their roles changed. The client
 * checks `GET /api/auth/session`: still signed in → reconnect (with the new roles), 401 → sign-in.
 */
export const SESSION_CHANGED_CLOSE_CODE = 4401;

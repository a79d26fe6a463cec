import { z } from 'zod';

// Values mirrored from the Infobip Conversations API keep its UPPER_CASE spelling so `/ccaas/1`
// passes them through unchanged; Parley's own vocabularies (log kinds, actors, tag kinds) are lower-case.

/** Channels Parley carries (a subset of Infobip's MessageChannel). */
export const CHANNELS = [
  'SMS',
  'WHATSAPP',
  'VIBER',
  'FACEBOOK_MESSENGER',
  'TELEGRAM',
  'EMAIL',
  'LIVE_CHAT',
  'RCS',
  'INSTAGRAM_MESSAGING',
  'APPLE_BUSINESS_CHAT',
  'LINE',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** A channel's name as people read it (screens, connection names, transcripts). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  VIBER: 'Viber',
  FACEBOOK_MESSENGER: 'Messenger',
  TELEGRAM: 'Telegram',
  EMAIL: 'E-mail',
  LIVE_CHAT: 'Live chat',
  RCS: 'RCS',
  INSTAGRAM_MESSAGING: 'Instagram',
  APPLE_BUSINESS_CHAT: 'Apple Messages',
  LINE: 'LINE',
};

/** D2 conversation status; CLOSED is final. */
export const CONVERSATION_STATUSES = ['OPEN', 'WAITING', 'SOLVED', 'CLOSED'] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** D2 conversation priority; NORMAL is the default. */
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** INBOUND comes from the customer, OUTBOUND goes to the customer. */
export const MESSAGE_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export const MessageDirection = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof MessageDirection>;

/** Who wrote a message (Infobip AuthorType). */
export const AUTHOR_KINDS = ['CUSTOMER', 'AGENT', 'BOT', 'SYSTEM'] as const;
export const AuthorKind = z.enum(AUTHOR_KINDS);
export type AuthorKind = z.infer<typeof AuthorKind>;

/** Message content types Parley stores and renders (a subset of Infobip's ContentType). */
export const MESSAGE_CONTENT_TYPES = [
  'TEXT',
  'IMAGE',
  'VIDEO',
  'AUDIO',
  'DOCUMENT',
  'LOCATION',
  'TEMPLATE',
] as const;
export const MessageContentType = z.enum(MESSAGE_CONTENT_TYPES);
export type MessageContentType = z.infer<typeof MessageContentType>;

/**
 * Delivery state of a message: inbound ones are RECEIVED; outbound ones move
 * PENDING → SENT → DELIVERED → SEEN, or end FAILED (the agent sees the failure).
 */
export const DELIVERY_STATES = ['RECEIVED', 'PENDING', 'SENT', 'DELIVERED', 'SEEN', 'FAILED'] as const;
export const DeliveryState = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** What a change-log entry records (D2: status, assignment, priority, tag and queue changes; merges). */
export const CONVERSATION_LOG_KINDS = ['status', 'assignment', 'priority', 'tag', 'queue', 'merge'] as const;
export const ConversationLogKind = z.enum(CONVERSATION_LOG_KINDS);
export type ConversationLogKind = z.infer<typeof ConversationLogKind>;

/** Who made a logged change: automation = routing / auto-assignment, system = D2 rules such as reopening. */
export const ACTOR_KINDS = ['agent', 'supervisor', 'automation', 'system'] as const;
export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;

/** D8: one catalogue holds tags for conversations and tags for templates. */
export const TAG_KINDS = ['conversation', 'template'] as const;
export const TagKind = z.enum(TAG_KINDS);
export type TagKind = z.infer<typeof TagKind>;

/** D6 customer gender (Infobip People). */
export const GENDERS = ['MALE', 'FEMALE'] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;

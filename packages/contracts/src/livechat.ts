import { z } from 'zod';
import type { Channel } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';

// The live-chat widget's own API (`/widget/1/:widgetId/…`, public, authenticated by a visitor
// token) and its socket. The widget bundle imports only types from here (it ships without zod).

/** An origin a widget may be embedded on: scheme, host and port, nothing else (`https://shop.example`). */
export const WidgetOrigin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin such as https://shop.example.com (scheme, host and optional port; no path)');

/**
 * What an admin sets on a live-chat connection. `allowedOrigins` is an exact-match list; the single
 * entry `*` lets any site embed the widget (only when the admin chose it).
 */
export const LiveChatSettings = z.object({
  allowedOrigins: z.union([z.tuple([z.literal('*')]), z.array(WidgetOrigin).max(50)]).default([]),
  /** Ask the visitor's name and e-mail before the first message. */
  preChatForm: z.boolean().default(false),
  /** Heading of the chat panel. */
  title: z.string().trim().min(1).max(60).default('Chat with us'),
  /** Accent colour of the launcher and the visitor's messages. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1c7ed6')
    .default('#1c7ed6'),
});
export type LiveChatSettings = z.infer<typeof LiveChatSettings>;

/** `GET /widget/1/:widgetId/config`: what the widget needs before any session exists. */
export const WidgetConfig = z.object({
  widgetId: z.string(),
  title: z.string(),
  color: z.string(),
  preChatForm: z.boolean(),
  /** Characters of one message. */
  maxTextLength: z.number().int(),
  /** Bytes of one attachment. */
  maxAttachmentBytes: z.number().int(),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

/** The visitor as the widget knows them. */
export const Visitor = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});
export type Visitor = z.infer<typeof Visitor>;

/** `POST /widget/1/:widgetId/sessions`: the pre-chat form's answers, when the form is on. */
export const StartVisitorSessionRequest = z.object({
  name: z.string().trim().min(1).max(LIMITS.displayName).optional(),
  email: z.email().max(LIMITS.email).optional(),
});
export type StartVisitorSessionRequest = z.infer<typeof StartVisitorSessionRequest>;

/** A new visitor session. The token is shown once; the widget keeps it in the visitor's localStorage. */
export const VisitorSession = z.object({ token: z.string(), visitor: Visitor });
export type VisitorSession = z.infer<typeof VisitorSession>;

/** A file attached to a visitor-facing message. */
export const VisitorAttachment = z.object({
  /** A signed link (a path under Parley's address) the visitor's browser loads directly. */
  url: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
});
export type VisitorAttachment = z.infer<typeof VisitorAttachment>;

/** A message of the visitor's chat, as the widget shows it. */
export const VisitorMessage = z.object({
  id: z.uuid(),
  /** The id the visitor's browser chose (visitor messages only). */
  clientId: z.uuid().nullable(),
  author: z.enum(['visitor', 'agent']),
  /** Display name of the agent who wrote an agent message. */
  agentName: z.string().nullable(),
  text: z.string(),
  attachment: VisitorAttachment.nullable(),
  createdAt: z.string(),
});
export type VisitorMessage = z.infer<typeof VisitorMessage>;

/**
 * `GET /widget/1/:widgetId/messages`: the newest messages, or those from shortly before `after` on
 * (the widget merges by id). `seenUpTo` is the latest visitor message an agent has read.
 */
export const VisitorMessageList = z.object({
  items: z.array(VisitorMessage),
  seenUpTo: z.uuid().nullable(),
  /** More messages follow `items` (a catch-up longer than one page): ask again after the last. */
  hasMore: z.boolean(),
});
export type VisitorMessageList = z.infer<typeof VisitorMessageList>;

export const VisitorMessagesQuery = z.object({ after: z.uuid().optional() });

/** `POST /widget/1/:widgetId/messages`: a repeat of the same client id is stored once. */
export const SendVisitorMessageRequest = z
  .object({
    clientId: z.uuid(),
    text: z.string().max(LIMITS.messageText).default(''),
    /** An attachment uploaded with `POST …/attachments`. */
    attachmentId: z.uuid().optional(),
  })
  .refine((m) => m.text.trim() !== '' || m.attachmentId !== undefined, {
    message: 'A message needs text or an attachment',
    path: ['text'],
  });
export type SendVisitorMessageRequest = z.input<typeof SendVisitorMessageRequest>;

/** The message was stored for processing (202); it reaches the widget's socket once threaded. */
export const SendVisitorMessageResponse = z.object({ clientId: z.uuid() });

/** `POST /widget/1/:widgetId/typing`. */
export const VisitorTypingRequest = z.object({ typing: z.boolean() });

/** `POST /widget/1/:widgetId/receipts`: every agent message up to `upTo` reached / was seen by the visitor. */
export const VisitorReceiptRequest = z.object({
  upTo: z.uuid(),
  state: z.enum(['DELIVERED', 'SEEN']),
});

/** `POST /widget/1/:widgetId/attachments` answer: attach it to the next message by id. */
export const VisitorUpload = z.object({ attachmentId: z.uuid(), fileName: z.string(), mimeType: z.string() });
export type VisitorUpload = z.infer<typeof VisitorUpload>;

/** Events on the visitor's socket (`/widget/1/:widgetId/ws`). */
export const WidgetServerEvent = z.discriminatedUnion('type', [
  /** The token was accepted; fetch what was missed since the last message shown. */
  z.object({ type: z.literal('ready') }),
  /** A message of this chat was stored (the visitor's own, from any tab, or an agent's). */
  z.object({ type: z.literal('message'), payload: VisitorMessage }),
  /** An agent started or stopped typing. */
  z.object({ type: z.literal('typing'), payload: z.object({ typing: z.boolean() }) }),
  /** An agent read the visitor's messages up to this one. */
  z.object({ type: z.literal('seen'), payload: z.object({ upTo: z.uuid() }) }),
  z.object({ type: z.literal('pong') }),
]);
export type WidgetServerEvent = z.infer<typeof WidgetServerEvent>;

/** What the widget sends on its socket: the token first, then pings. */
export const WidgetClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(200) }),
  z.object({ type: z.literal('ping') }),
]);
export type WidgetClientMessage = z.infer<typeof WidgetClientMessage>;

/** Socket close code: the token is unknown or revoked; the widget drops it and starts over. */
export const VISITOR_TOKEN_REJECTED_CLOSE_CODE = 4401;

/** `POST /api/conversations/:id/typing`: the agent started or stopped typing a reply (live chat). */
export const ConversationTypingRequest = z.object({ typing: z.boolean() });

/** Channels whose customers see the agent typing (their adapter relays it); the composer tells only these. */
export const CHANNELS_WITH_AGENT_TYPING: readonly Channel[] = ['LIVE_CHAT'];

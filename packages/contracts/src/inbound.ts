import { z } from 'zod';
import { AttachmentRef } from './attachments.ts';
import { MessengerTag } from './channel-rules.ts';
import { Channel, MessageContentType } from './conversations-enums.ts';
import { FilledTemplateParts } from './whatsapp-templates.ts';

/** A message body as channels deliver it and Parley stores it (fields by content type). */
export const MessageContentBody = z.object({
  text: z.string().optional(),
  subject: z.string().optional(),
  /** E-mail: the HTML body, already sanitised by Parley (allow-list, no scripts or remote images). */
  html: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
  fileName: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
  templateName: z.string().optional(),
  language: z.string().optional(),
  placeholders: z.array(z.string()).optional(),
  /** TEMPLATE (WhatsApp): the filled header, footer and buttons; `text` is the filled body. */
  template: FilledTemplateParts.optional(),
  /** Messenger: the message tag an agent's message went out with after the 24-hour window (D7). */
  messengerTag: MessengerTag.optional(),
  /** Files stored by Parley (modules/attachments): the media of IMAGE/VIDEO/AUDIO/DOCUMENT, e-mail attachments. */
  attachments: z.array(AttachmentRef).optional(),
});

/**
 * The one channel-independent shape every adapter turns a provider's inbound event into;
 * the inbound pipeline (D2 threading, D6 recognition) takes only this.
 */
export const InboundMessage = z.object({
  /** The channel connection the event arrived on. */
  connectionId: z.uuid(),
  channel: Channel,
  /** The provider's id of the message: a repeat is acknowledged and ignored. */
  providerMessageId: z.string().min(1),
  /** The customer's address on the channel (phone number, e-mail, messenger id …). */
  from: z.string().min(1),
  /** Our sender/destination the customer wrote to. */
  to: z.string().min(1),
  /** When the provider received it (ISO 8601). */
  receivedAt: z.string(),
  contentType: MessageContentType,
  content: MessageContentBody,
  /** Display name the channel gave for the customer, when it gives one. */
  customerName: z.string().optional(),
  /**
   * Provider ids of earlier messages this one answers, nearest first (e-mail In-Reply-To and
   * References): it joins the conversation of the first one Parley stored (docs/email.md).
   */
  replyTo: z.array(z.string()).optional(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

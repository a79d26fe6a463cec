import type { Channel, InboundMessage, MessageContentBody, MessageContentType } from '@parley/contracts';
import type { z } from 'zod';

// Parley-side shapes the Infobip adapter takes and returns; nothing here is an Infobip payload.

export type ContentBody = z.infer<typeof MessageContentBody>;

/** What the adapter needs of a channel connection configured by an admin. */
export interface InfobipConnection {
  id: string;
  channel: Channel;
  /** Our sender: the number or id customers write to and we send from. */
  sender: string;
  /** Account base URL, e.g. https://xyz.api.infobip.com. */
  baseUrl: string;
  apiKey: string;
}

/** An agent's (or bot's) message on its way to the customer. */
export interface OutboundMessage {
  /** Our message id; sent as Infobip's messageId so reports come back with it. */
  id: string;
  /** The customer's address on the channel. */
  to: string;
  contentType: MessageContentType;
  content: ContentBody;
  /**
   * Where the provider fetches the message's stored file (`content.attachments`): a signed public
   * URL of Parley's attachment store, made at send time.
   */
  mediaUrl?: string;
}

/** Delivery progress of one outbound message, from a delivery or seen report. */
export interface DeliveryStatusUpdate {
  providerMessageId: string;
  state: 'SENT' | 'DELIVERED' | 'SEEN' | 'FAILED';
  /** Why it failed, in Infobip's words. */
  reason?: string;
  /** When it happened (ISO 8601). */
  at: string;
}

/** A webhook result (or part of one) the adapter acknowledges but does not turn into anything. */
export interface SkippedEvent {
  providerMessageId: string;
  reason: string;
}

export interface MappedWebhook {
  messages: InboundMessage[];
  statusUpdates: DeliveryStatusUpdate[];
  skipped: SkippedEvent[];
}

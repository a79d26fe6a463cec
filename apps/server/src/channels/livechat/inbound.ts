import { AttachmentRef, contentTypeOfFile, type InboundMessage } from '@parley/contracts';
import { z } from 'zod';
import type { MappedInboundEvent } from '../../modules/messages/inbound-events.processor.ts';

/**
 * What the visitor API stores in `inbound_events` for one visitor message, before acknowledging
 * it: everything the processor needs, so processing reads nothing else.
 */
export const LiveChatInboundPayload = z.object({
  visitorId: z.uuid(),
  clientId: z.uuid(),
  /** When the server accepted it (ISO 8601). */
  receivedAt: z.string(),
  /** The pre-chat name, or a short visitor label, for the topic of an unknown customer. */
  customerName: z.string().min(1),
  text: z.string(),
  /** The visitor's upload, already in the attachment store. */
  attachment: AttachmentRef.optional(),
});
export type LiveChatInboundPayload = z.infer<typeof LiveChatInboundPayload>;

/**
 * The provider message id of a visitor message: the visitor's own client id, scoped by the visitor
 * so one visitor can never collide with (and so suppress) another's message.
 */
export const providerMessageIdOf = (visitorId: string, clientId: string) => `${visitorId}:${clientId}`;

/** The client id inside a visitor message's provider id (null for any other message). */
export function clientIdOf(providerMessageId: string | null, visitorId: string): string | null {
  const prefix = `${visitorId}:`;
  return providerMessageId?.startsWith(prefix) ? providerMessageId.slice(prefix.length) : null;
}

/** A short name for a visitor who gave none: "Visitor 3F2A9C". */
export const visitorLabel = (visitorId: string) => `Visitor ${visitorId.slice(0, 6).toUpperCase()}`;

/**
 * Turns a stored visitor message into the channel-independent InboundMessage: from the visitor to
 * the widget (the connection's sender), a file as the stored attachment with the text as caption.
 */
export function mapLiveChatEvent(
  connection: { id: string; sender: string },
  payload: unknown,
): MappedInboundEvent {
  const event = LiveChatInboundPayload.parse(payload);
  const base = {
    connectionId: connection.id,
    channel: 'LIVE_CHAT' as const,
    providerMessageId: providerMessageIdOf(event.visitorId, event.clientId),
    from: event.visitorId,
    to: connection.sender,
    receivedAt: event.receivedAt,
    customerName: event.customerName,
  };
  const text = event.text.trim() === '' ? undefined : event.text;
  const message: InboundMessage = event.attachment
    ? {
        ...base,
        contentType: contentTypeOfFile(event.attachment.mimeType),
        content: {
          attachments: [event.attachment],
          fileName: event.attachment.fileName,
          ...(text !== undefined && { caption: text }),
        },
      }
    : { ...base, contentType: 'TEXT', content: { text: event.text } };
  return { messages: [message], statusUpdates: [], skipped: [] };
}

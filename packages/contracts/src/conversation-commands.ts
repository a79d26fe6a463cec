import { z } from 'zod';
import { MessengerTag } from './channel-rules.ts';
import { Channel, ConversationStatus, Priority } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';
import { ReplyRoute } from './omnichannel.ts';
import { TemplateParameters } from './whatsapp-templates.ts';

// Length limits of D11 are checked by the server's conversation rules (counted in characters, as
// the UI counts them) and refused with `limit_exceeded`; the schemas only refuse blank text.

/** Text with at least one non-blank character. */
const NonBlank = z.string().regex(/\S/, 'Must not be blank');

/** A WhatsApp pre-registered template to send, with the values the agent filled (D7). */
export const TemplateReply = z.object({
  /** A synchronised WhatsApp template of the reply's sender (`GET /api/whatsapp-templates`). */
  id: z.uuid(),
  /** Values by placeholder key (`body.1`, `header.url`, `button.0` …), as the template lists them. */
  parameters: TemplateParameters.default({}),
});
export type TemplateReply = z.infer<typeof TemplateReply>;

/** A profile made on the fly by "+" for a customer not known yet. */
export const NewConversationCustomer = z.object({
  name: z.string().trim().min(1).max(LIMITS.displayName),
  channel: Channel,
  address: z.string().trim().min(1).max(320),
});

/**
 * The agent's "+": a conversation with a known customer (`customerId`), a new one (`newCustomer`)
 * or, with neither, whoever owns `customerAddress` (D6). The creator becomes the assignee and the
 * first message is sent at once.
 */
export const CreateConversationRequest = z
  .object({
    customerId: z.uuid().optional(),
    newCustomer: NewConversationCustomer.optional(),
    channel: Channel,
    /** Our sender on the channel (our number, page id, mailbox). */
    ourAddress: z.string().trim().min(1).max(320),
    /** The customer's address the message goes to. */
    customerAddress: z.string().trim().min(1).max(320),
    /** The first message (at most LIMITS.messageText characters); or `template`. */
    text: NonBlank.optional(),
    /** D7: on WhatsApp a conversation can only start with an approved template. */
    template: TemplateReply.optional(),
    /** Defaults to "Talking with <customer>" (at most LIMITS.topic characters). */
    topic: NonBlank.optional(),
  })
  .refine((b) => !(b.customerId && b.newCustomer), {
    message: 'Give customerId or newCustomer, not both',
    path: ['newCustomer'],
  })
  .refine((b) => !b.text !== !b.template, {
    message: 'Give the first message as text or as a template',
    path: ['text'],
  });
export type CreateConversationRequest = z.infer<typeof CreateConversationRequest>;

/** Changes applied together in one transaction; the status is applied last. */
export const UpdateConversationRequest = z
  .object({
    /** At most LIMITS.topic characters. */
    topic: NonBlank,
    /** At most LIMITS.summary characters; null clears it. */
    summary: z.string().nullable(),
    priority: Priority,
    status: ConversationStatus,
  })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });
export type UpdateConversationRequest = z.infer<typeof UpdateConversationRequest>;

/** D3: assign to an agent, or unassign with null. */
export const AssignConversationRequest = z.object({ userId: z.uuid().nullable() });
export type AssignConversationRequest = z.infer<typeof AssignConversationRequest>;

/** D3/D4: move to a queue; null means the Default queue. */
export const ChangeConversationQueueRequest = z.object({ queueId: z.uuid().nullable() });
export type ChangeConversationQueueRequest = z.infer<typeof ChangeConversationQueueRequest>;

export const AddConversationTagRequest = z.object({ tagId: z.uuid() });
export type AddConversationTagRequest = z.infer<typeof AddConversationTagRequest>;

/**
 * An agent's reply: a text, a stored file (`attachmentId`, with `text` as its caption) or a
 * WhatsApp template. A repeat with the same `clientId` returns the stored message (200).
 */
export const SendMessageRequest = z
  .object({
    /** Chosen by the browser for its optimistic copy; makes retries safe. */
    clientId: z.uuid(),
    /** The text, or the caption of the file; at most LIMITS.messageText characters. */
    text: NonBlank.optional(),
    /** A file uploaded with `POST /api/attachments`; sent as an image, video, audio or document. */
    attachmentId: z.uuid().optional(),
    template: TemplateReply.optional(),
    /** Messenger after the 24-hour window: the message tag a free-form message goes out with (D7). */
    messengerTag: MessengerTag.optional(),
    /** D2 "change channel": reply on this route; absent = the route of the customer's last message. */
    route: ReplyRoute.optional(),
  })
  .refine((b) => (b.template ? !b.text && !b.attachmentId : !!(b.text || b.attachmentId)), {
    message: 'Send a text, a file or a template (a template takes neither text nor file)',
    path: ['text'],
  });
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const AddNoteRequest = z.object({
  /** At most LIMITS.noteText characters. */
  text: NonBlank,
});
export type AddNoteRequest = z.infer<typeof AddNoteRequest>;

import { z } from 'zod';
import { Channel, ConversationStatus, Priority } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';

// Length limits of D11 are checked by the server's conversation rules (counted in characters, as
// the UI counts them) and refused with `limit_exceeded`; the schemas only refuse blank text.

/** Text with at least one non-blank character. */
const NonBlank = z.string().regex(/\S/, 'Must not be blank');

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
    /** The first message (at most LIMITS.messageText characters). */
    text: NonBlank,
    /** Defaults to "Talking with <customer>" (at most LIMITS.topic characters). */
    topic: NonBlank.optional(),
  })
  .refine((b) => !(b.customerId && b.newCustomer), {
    message: 'Give customerId or newCustomer, not both',
    path: ['newCustomer'],
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

/** An agent's text reply; a repeat with the same `clientId` returns the stored message (200). */
export const SendMessageRequest = z.object({
  /** Chosen by the browser for its optimistic copy; makes retries safe. */
  clientId: z.uuid(),
  /** At most LIMITS.messageText characters. */
  text: NonBlank,
});
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const AddNoteRequest = z.object({
  /** At most LIMITS.noteText characters. */
  text: NonBlank,
});
export type AddNoteRequest = z.infer<typeof AddNoteRequest>;

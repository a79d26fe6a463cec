import {
  ConnectionChannel,
  type CreateConversationRequest,
  checkDestination,
  LIMITS,
  type TemplateReply,
} from '@parley/contracts';
import { z } from 'zod';

/** D7: WhatsApp allows a business to start a conversation only with an approved template. */
export const startsWithTemplate = (channel: ConnectionChannel) => channel === 'WHATSAPP';

/** Characters as the server counts them for D11 limits (code points, so an emoji is one). */
export const characterCount = (text: string) => [...text].length;

/**
 * The "+" form. Channels are the ones a connection can send on (an agent-started conversation
 * must send its first message); limits are the server's, so most refusals are caught here.
 */
export const NewConversationForm = z
  .object({
    customerMode: z.enum(['existing', 'new']),
    customerId: z.string(),
    newCustomerName: z.string().trim().max(LIMITS.displayName, `At most ${LIMITS.displayName} characters`),
    channel: ConnectionChannel,
    // Format and length are checked (and normalised) by checkDestination below.
    customerAddress: z.string().trim().min(1, 'Enter the address the message goes to'),
    ourAddress: z.string().min(1, 'Choose the sender the customer will see'),
    topic: z
      .string()
      .trim()
      .refine((t) => characterCount(t) <= LIMITS.topic, `At most ${LIMITS.topic} characters`),
    // WhatsApp starts with a template instead (D7); checked below for the other channels.
    text: z
      .string()
      .refine((t) => characterCount(t) <= LIMITS.messageText, `At most ${LIMITS.messageText} characters`),
  })
  .superRefine((v, ctx) => {
    const destination = checkDestination(v.channel, v.customerAddress);
    if (v.customerAddress && !destination.ok) {
      ctx.addIssue({ code: 'custom', path: ['customerAddress'], message: destination.message });
    }
    if (!startsWithTemplate(v.channel) && !/\S/.test(v.text)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Write the first message' });
    }
    if (v.customerMode === 'existing' && !v.customerId) {
      ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'Choose a customer' });
    }
    if (v.customerMode === 'new' && !v.newCustomerName) {
      ctx.addIssue({ code: 'custom', path: ['newCustomerName'], message: "Enter the customer's name" });
    }
  });
export type NewConversationFormInput = z.input<typeof NewConversationForm>;
export type NewConversationFormValues = z.output<typeof NewConversationForm>;

export const EMPTY_FORM: NewConversationFormInput = {
  customerMode: 'existing',
  customerId: '',
  newCustomerName: '',
  channel: 'WHATSAPP',
  customerAddress: '',
  ourAddress: '',
  topic: '',
  text: '',
};

/**
 * The request the form's values make: a known customer, or a new one reached at the chosen address.
 * The address is normalised as channels deliver it (D6), so the customer's replies thread here.
 */
export function toCreateRequest(
  v: NewConversationFormValues,
  template?: TemplateReply,
): CreateConversationRequest {
  const checked = checkDestination(v.channel, v.customerAddress);
  const address = checked.ok ? checked.address : v.customerAddress;
  const customer =
    v.customerMode === 'existing'
      ? { customerId: v.customerId }
      : { newCustomer: { name: v.newCustomerName, channel: v.channel, address } };
  return {
    ...customer,
    channel: v.channel,
    ourAddress: v.ourAddress,
    customerAddress: address,
    ...(template ? { template } : { text: v.text }),
    topic: v.topic || undefined,
  };
}

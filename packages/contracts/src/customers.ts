import { z } from 'zod';
import { Page } from './conversations.ts';
import { Channel, ConversationStatus, Gender } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';

/** An address a customer is reached at; unique per channel across all profiles (D6 recognition). */
export const CustomerDestination = z.object({
  channel: Channel,
  /** As the channel delivers it: phone numbers as digits, e-mail addresses lower-case. */
  address: z.string(),
});
export type CustomerDestination = z.infer<typeof CustomerDestination>;

/** A D6 customer profile ("People") with its destinations. */
export const Customer = z.object({
  id: z.uuid(),
  /** Null until someone names the profile. */
  name: z.string().nullable(),
  gender: Gender.nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** Custom attribute values by attribute name. */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  destinations: z.array(CustomerDestination),
  createdAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

/** One line of the customer card's conversation history (open and closed, newest first). */
export const CustomerConversation = z.object({
  id: z.uuid(),
  /** Short human number shown as "#1042". */
  number: z.number().int(),
  topic: z.string(),
  status: ConversationStatus,
  channel: Channel.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CustomerConversation = z.infer<typeof CustomerConversation>;

/** A profile with its conversation history, for the customer card. */
export const CustomerDetail = Customer.extend({ conversations: z.array(CustomerConversation) });
export type CustomerDetail = z.infer<typeof CustomerDetail>;

/** A page of customers by name; pass `nextCursor` back as `cursor` for the next page. */
export const CustomerPage = Page(Customer);
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CustomerSearchQuery = z.object({
  /** Part of a name or an address, case-insensitive; empty lists everyone. */
  q: z.string().trim().max(200).default(''),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CustomerSearchQuery = z.infer<typeof CustomerSearchQuery>;

export const NewCustomerDestination = z.object({
  channel: Channel,
  address: z.string().trim().min(1).max(320),
});

export const CreateCustomerRequest = z.object({
  name: z.string().trim().min(1).max(LIMITS.displayName),
  /** An address that already belongs to another profile is refused with `conflict` (409). */
  destinations: z.array(NewCustomerDestination).max(50).default([]),
});
export type CreateCustomerRequest = z.input<typeof CreateCustomerRequest>;

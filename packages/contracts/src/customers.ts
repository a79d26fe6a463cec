import { z } from 'zod';
import { Page, PersonRef } from './conversations.ts';
import { Channel, ConversationStatus, Gender } from './conversations-enums.ts';
import { AttributeValue, CUSTOMER_LIMITS } from './customer-attributes.ts';
import { LIMITS } from './limits.ts';

/** Channels whose customer addresses are phone numbers (stored as digits, no `+`). */
export const PHONE_CHANNELS: readonly Channel[] = ['SMS', 'WHATSAPP', 'VIBER', 'RCS'];

const PHONE = /^\d{3,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type DestinationCheck = { ok: true; address: string } | { ok: false; message: string };

/**
 * Normalises an address as the channels deliver it, so recognition (D6) finds it: phone numbers
 * lose `+`, spaces, dashes, dots and brackets and must be 3–15 digits; e-mail addresses are
 * lower-cased and must look like one; other ids are trimmed.
 */
export function checkDestination(channel: Channel, address: string): DestinationCheck {
  const trimmed = address.trim();
  if (trimmed === '') return { ok: false, message: `${channel} address is empty` };
  if (trimmed.length > CUSTOMER_LIMITS.address)
    return { ok: false, message: `${channel} address is longer than ${CUSTOMER_LIMITS.address} characters` };
  if (PHONE_CHANNELS.includes(channel)) {
    const digits = trimmed.replace(/[\s\-().]/g, '').replace(/^\+/, '');
    return PHONE.test(digits)
      ? { ok: true, address: digits }
      : { ok: false, message: `${channel} address "${trimmed}" is not a phone number (3–15 digits)` };
  }
  if (channel === 'EMAIL') {
    const lower = trimmed.toLowerCase();
    return EMAIL.test(lower)
      ? { ok: true, address: lower }
      : { ok: false, message: `"${trimmed}" is not an e-mail address` };
  }
  return /\s/.test(trimmed)
    ? { ok: false, message: `${channel} address "${trimmed}" contains spaces` }
    : { ok: true, address: trimmed };
}

/** An address a customer is reached at; unique per channel across all profiles (D6 recognition). */
export const CustomerDestination = z.object({
  channel: Channel,
  /** As the channel delivers it: phone numbers as digits, e-mail addresses lower-case. */
  address: z.string(),
});
export type CustomerDestination = z.infer<typeof CustomerDestination>;

/** A destination as typed by a person; normalised by checkDestination. */
export const NewCustomerDestination = z
  .object({ channel: Channel, address: z.string() })
  .transform((d, ctx) => {
    const checked = checkDestination(d.channel, d.address);
    if (checked.ok) return { channel: d.channel, address: checked.address };
    ctx.addIssue({ code: 'custom', message: checked.message, path: ['address'] });
    return z.NEVER;
  });
export type NewCustomerDestination = z.input<typeof NewCustomerDestination>;

/** Custom attribute values by attribute name. */
export const CustomerAttributes = z.record(z.string(), AttributeValue);
export type CustomerAttributes = z.infer<typeof CustomerAttributes>;

/** A D6 customer profile ("People") with its destinations and tags. */
export const Customer = z.object({
  id: z.uuid(),
  /** Null until someone names the profile. */
  name: z.string().nullable(),
  gender: Gender.nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** Custom attribute values by attribute name; attributes without a value are absent. */
  attributes: CustomerAttributes,
  destinations: z.array(CustomerDestination),
  /** Free labels of the profile (not the D8 conversation tag catalogue), sorted. */
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
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

/** Changes recorded on a profile besides its own fields: merges and conversations (un)linked. */
export const CUSTOMER_CHANGE_KINDS = ['merged', 'conversation_linked', 'conversation_unlinked'] as const;
export const CustomerChangeKind = z.enum(CUSTOMER_CHANGE_KINDS);
export type CustomerChangeKind = z.infer<typeof CustomerChangeKind>;

/** One recorded change, newest first on the profile. */
export const CustomerChange = z.object({
  id: z.uuid(),
  kind: CustomerChangeKind,
  /** What happened, ready to show ("Merged Ana H. into this profile: 3 conversations moved"). */
  text: z.string(),
  /** The conversation (un)linked, when it still exists. */
  conversationId: z.uuid().nullable(),
  /** Who did it; null for an integration (API key). */
  actor: PersonRef.nullable(),
  createdAt: z.string(),
});
export type CustomerChange = z.infer<typeof CustomerChange>;

/** A profile with its conversation history and recorded changes, for the card and the profile page. */
export const CustomerDetail = Customer.extend({
  conversations: z.array(CustomerConversation),
  changes: z.array(CustomerChange),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

/** A page of customers by name; pass `nextCursor` back as `cursor` for the next page. */
export const CustomerPage = Page(Customer);
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CustomerSearchQuery = z.object({
  /** Part of a name, city, country, address, tag or attribute value, case-insensitive; empty lists everyone. */
  q: z.string().trim().max(200).default(''),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CustomerSearchQuery = z.infer<typeof CustomerSearchQuery>;

const CustomerName = z.string().trim().min(1).max(LIMITS.displayName);
const Place = z.string().trim().max(CUSTOMER_LIMITS.cityOrCountry);
/** A tag name; `;` separates tags in the CSV, so it cannot be part of one. */
export const CustomerTagName = z
  .string()
  .trim()
  .min(1)
  .max(CUSTOMER_LIMITS.tagName)
  .regex(/^[^;]*$/, 'A tag cannot contain ";"');
const TagList = z.array(CustomerTagName).max(CUSTOMER_LIMITS.tags);
const DestinationList = z.array(NewCustomerDestination).max(CUSTOMER_LIMITS.destinations);

/** A new profile; an address another profile owns is refused with `conflict` naming that profile. */
export const CreateCustomerRequest = z.object({
  name: CustomerName,
  gender: Gender.nullable().optional(),
  city: Place.nullable().optional(),
  country: Place.nullable().optional(),
  /** Values by attribute name, checked against the attribute definitions. */
  attributes: CustomerAttributes.default({}),
  destinations: DestinationList.default([]),
  tags: TagList.default([]),
});
export type CreateCustomerRequest = z.input<typeof CreateCustomerRequest>;

/**
 * Changes to a profile; absent fields stay. `attributes` changes only the names it lists (null
 * clears one); `destinations` and `tags` replace the whole list. An agent may not change a field
 * the customer card shows as view-only (`attribute_not_editable`, 403).
 */
export const UpdateCustomerRequest = z
  .object({
    name: CustomerName,
    gender: Gender.nullable(),
    city: Place.nullable(),
    country: Place.nullable(),
    attributes: CustomerAttributes,
    destinations: DestinationList,
    tags: TagList,
  })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });
export type UpdateCustomerRequest = z.input<typeof UpdateCustomerRequest>;

/** Merges the profile `mergedCustomerId` into the one in the path, which is kept. */
export const MergeCustomersRequest = z.object({ mergedCustomerId: z.uuid() });
export type MergeCustomersRequest = z.infer<typeof MergeCustomersRequest>;

/** A CSV file's text (header row first); all rows are imported or none. */
export const ImportCustomersRequest = z.object({
  csv: z
    .string()
    .max(
      CUSTOMER_LIMITS.importChars,
      `The file is larger than ${CUSTOMER_LIMITS.importChars.toLocaleString('en')} characters: split it`,
    ),
});
export type ImportCustomersRequest = z.infer<typeof ImportCustomersRequest>;

export const ImportCustomersResult = z.object({ created: z.number().int().nonnegative() });
export type ImportCustomersResult = z.infer<typeof ImportCustomersResult>;

/** A refused import's `error.details`: every bad row with its line in the file and why. */
export const ImportProblems = z.object({
  problems: z.array(z.object({ line: z.number().int().positive(), message: z.string() })),
});
export type ImportProblems = z.infer<typeof ImportProblems>;

/** Links a conversation to a customer, or unlinks it (null) from the wrong one (D6). */
export const SetConversationCustomerRequest = z.object({ customerId: z.uuid().nullable() });
export type SetConversationCustomerRequest = z.infer<typeof SetConversationCustomerRequest>;

/** Customer tag names in use, for suggestions. */
export const CustomerTagList = z.object({ items: z.array(z.string()) });
export type CustomerTagList = z.infer<typeof CustomerTagList>;

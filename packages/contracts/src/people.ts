import { z } from 'zod';
import { Gender } from './conversations-enums.ts';

// `/people/2/persons`: the persons part of Infobip's People API, over Parley's customer profiles
// (docs/customers.md lists what maps to what and the deviations).

/** Identifier types of the reference's PersonUniqueFieldType that Parley can look a person up by. */
export const PEOPLE_IDENTIFIER_TYPES = [
  'ID',
  'EXTERNAL_ID',
  'PHONE',
  'EMAIL',
  'WHATSAPP',
  'FACEBOOK',
  'TELEGRAM',
  'LIVE_CHAT',
  'INSTAGRAM_DM',
  'APPLE_BUSINESS_CHAT',
  'LINE',
] as const;

/** Every PersonUniqueFieldType of the reference; the ones Parley does not carry are refused with 400. */
export const PEOPLE_REFERENCE_IDENTIFIER_TYPES = [
  ...PEOPLE_IDENTIFIER_TYPES,
  'PUSH',
  'WEB_PUSH',
  'VIBER_BOTS',
  'INSTAGRAM',
  'TWITTER',
  'KAKAO_SANGDAM',
  'OPEN_CHANNEL',
  'ZALO_FOLLOWER',
  'TIKTOK_BM',
] as const;
export const PeopleIdentifierType = z.enum(PEOPLE_REFERENCE_IDENTIFIER_TYPES);
export type PeopleIdentifierType = z.infer<typeof PeopleIdentifierType>;

/** `identifier`, `type` (default ID) and `sender` of the single-person operations. */
export const PersonLookupQuery = z.object({
  identifier: z.string().max(1000).optional(),
  type: PeopleIdentifierType.default('ID'),
  /** Required by the reference for channel identifiers (WHATSAPP, FACEBOOK …); not used to match. */
  sender: z.string().max(1000).optional(),
});
export type PersonLookupQuery = z.infer<typeof PersonLookupQuery>;

/** Query of GET: one person by identifier, or a page of everyone. */
export const PersonListQuery = PersonLookupQuery.extend({
  /** 1-based. */
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  includeTotalCount: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** `firstName`, `lastName`, `createdAt` or `modifiedAt`, with `:asc` or `:desc`. */
  orderBy: z.string().max(200).optional(),
  /** Not supported by Parley: refused with 400 rather than silently ignored. */
  filter: z.string().max(10_000).optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

const Text = (max: number) => z.string().max(max).nullable().optional();

/**
 * The writable part of IamPersonV2 Parley stores. Read-only and unsupported fields (address,
 * birthDate, preferredLanguage, profilePicture, type, the channel contacts besides phone and
 * e-mail) are ignored.
 */
export const PersonBody = z.object({
  externalId: Text(256),
  firstName: Text(255),
  lastName: Text(255),
  middleName: Text(50),
  gender: Gender.nullable().optional(),
  city: Text(100),
  country: Text(100),
  tags: z.array(z.string()).max(50).nullable().optional(),
  customAttributes: z.record(z.string(), z.unknown()).nullable().optional(),
  contactInformation: z
    .object({
      phone: z
        .array(z.object({ number: z.string().max(50) }))
        .max(100)
        .optional(),
      email: z
        .array(z.object({ address: z.string().max(255) }))
        .max(100)
        .optional(),
    })
    .nullable()
    .optional(),
});
export type PersonBody = z.infer<typeof PersonBody>;

/** A contact on a messaging channel (the reference's CommonOttContact). */
const OttContact = z.object({ userId: z.string() });

/** A person as the reference's IamPersonV2; absent values are left out, as Infobip does. */
export const Person = z.object({
  id: z.number().int(),
  externalId: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  gender: Gender.optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  type: z.literal('CUSTOMER'),
  tags: z.array(z.string()),
  customAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  contactInformation: z.object({
    phone: z.array(z.object({ number: z.string() })),
    email: z.array(z.object({ address: z.string() })),
    whatsapp: z.array(OttContact).optional(),
    facebook: z.array(OttContact).optional(),
    telegram: z.array(OttContact).optional(),
    liveChat: z.array(OttContact).optional(),
    instagramDm: z.array(OttContact).optional(),
    appleBusinessChat: z.array(OttContact).optional(),
    line: z.array(OttContact).optional(),
  }),
  /** `yyyy-MM-ddTHH:mm:ss` in UTC, as the reference writes it. */
  createdAt: z.string(),
  modifiedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

/** A page of persons. */
export const PersonPage = z.object({
  persons: z.array(Person),
  page: z.number().int(),
  limit: z.number().int(),
  orderBy: z.string(),
  /** Only with `includeTotalCount=true`. */
  totalCount: z.number().int().optional(),
});
export type PersonPage = z.infer<typeof PersonPage>;

import { CHANNELS, type Channel, type CustomerAttributes, GENDERS, type Gender } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { inList } from '../conversations/sql-in-list.ts';

/** D6 customer profiles ("People"). A conversation from an address no profile owns has no customer. */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    /** Null until someone names the profile; lists then show a destination instead. */
    name: text('name'),
    gender: text('gender').$type<Gender>(),
    city: text('city'),
    country: text('country'),
    /** Custom attribute values keyed by attribute name (D6); attributes without a value are absent. */
    attributes: jsonb('attributes').notNull().default({}).$type<CustomerAttributes>(),
    /** The People API's numeric person `id` (Infobip persons have integer ids). */
    personNumber: bigint('person_number', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** The People API's `externalId`: the profile's id in an integrator's system. */
    externalId: text('external_id'),
    /**
     * Lower-cased name, city, country, addresses, tags and attribute values, rewritten by every
     * profile write (customers.repo refreshSearchText) so one trigram index serves the search.
     */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('customers_gender_check', sql`${t.gender} in ${inList(GENDERS)}`),
    uniqueIndex('customers_person_number_key').on(t.personNumber),
    uniqueIndex('customers_external_id_key').on(t.externalId),
    // The list's keyset order (customers.repo nameKey) read in index order.
    index('customers_name_key_idx').on(sql`lower(coalesce(${t.name}, ''))`, t.id),
    index('customers_search_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // The conversation list's search by customer name (conversations.search.ts).
    index('customers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    // Sorting a conversation list by customer reads names by id without visiting the wide rows.
    index('customers_id_name_idx').on(t.id, t.name),
  ],
);

/**
 * The addresses a customer is reached at (phone numbers, e-mail addresses, messenger ids, live-chat
 * visitor ids). An address belongs to at most one profile per channel: that is how an inbound
 * sender is recognised (D6).
 */
export const customerDestinations = pgTable(
  'customer_destinations',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().$type<Channel>(),
    /** Normalised as the channel delivers it: phone numbers as digits only, e-mail lower-case. */
    address: text('address').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_destinations_channel_address_key').on(t.channel, t.address),
    index('customer_destinations_customer_idx').on(t.customerId),
    check('customer_destinations_channel_check', sql`${t.channel} in ${inList(CHANNELS)}`),
  ],
);

/** Free labels on a profile (Infobip People tags), unique per profile case-insensitively. */
export const customerTags = pgTable(
  'customer_tags',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.name] }),
    uniqueIndex('customer_tags_customer_name_key').on(t.customerId, sql`lower(${t.name})`),
  ],
);

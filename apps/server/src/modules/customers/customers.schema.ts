import { CHANNELS, type Channel, GENDERS, type Gender } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { inList } from '../conversations/sql-in-list.ts';

/** Custom attribute values of a customer profile (D6), keyed by attribute name. */
export type CustomerAttributes = Record<string, string | number | boolean | null>;

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
    attributes: jsonb('attributes').notNull().default({}).$type<CustomerAttributes>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('customers_gender_check', sql`${t.gender} in ${inList(GENDERS)}`)],
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

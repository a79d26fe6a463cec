import {
  ATTRIBUTE_TYPES,
  type AttributeType,
  CARD_SECTIONS,
  type CardSection,
  STANDARD_FIELDS,
  type StandardField,
} from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { inList } from '../conversations/sql-in-list.ts';

/** Custom attributes of customer profiles, defined by supervisors (D6). Values live on the profile by name. */
export const customerAttributeDefinitions = pgTable(
  'customer_attribute_definitions',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull().$type<AttributeType>(),
    /** The choices of a `list` attribute, in display order; empty for the other types. */
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_attribute_definitions_name_key').on(sql`lower(${t.name})`),
    check('customer_attribute_definitions_type_check', sql`${t.type} in ${inList(ATTRIBUTE_TYPES)}`),
    check(
      'customer_attribute_definitions_options_check',
      sql`(${t.type} = 'list') = (cardinality(${t.options}) > 0)`,
    ),
  ],
);

/**
 * The customer card configuration (D6): which standard fields and custom attributes the card
 * shows, in which section and order, and whether agents may edit them. A deleted attribute
 * leaves the card with it.
 */
export const customerCardFields = pgTable(
  'customer_card_fields',
  {
    id: uuid('id').primaryKey(),
    attributeId: uuid('attribute_id').references(() => customerAttributeDefinitions.id, {
      onDelete: 'cascade',
    }),
    standardField: text('standard_field').$type<StandardField>(),
    section: text('section').notNull().$type<CardSection>(),
    /** Order within the section. */
    position: integer('position').notNull(),
    agentEditable: boolean('agent_editable').notNull(),
  },
  (t) => [
    uniqueIndex('customer_card_fields_attribute_key').on(t.attributeId),
    uniqueIndex('customer_card_fields_standard_key').on(t.standardField),
    check('customer_card_fields_one_ref', sql`(${t.attributeId} is null) <> (${t.standardField} is null)`),
    check('customer_card_fields_standard_check', sql`${t.standardField} in ${inList(STANDARD_FIELDS)}`),
    check('customer_card_fields_section_check', sql`${t.section} in ${inList(CARD_SECTIONS)}`),
  ],
);

import { z } from 'zod';
import { GENDERS } from './conversations-enums.ts';
import { LIMITS } from './limits.ts';

/** Limits of customer profiles (D6, D11); schemas and the UI use these so they agree. */
export const CUSTOMER_LIMITS = {
  attributeName: 100,
  listOptions: 100,
  listOption: 100,
  /** A text attribute value, in characters. */
  textValue: 1000,
  cityOrCountry: 100,
  destinations: 50,
  address: 320,
  tags: 50,
  tagName: 100,
  /** Rows of one CSV import (the header row not counted). */
  importRows: 10_000,
  /** Characters of one CSV import. */
  importChars: 5_000_000,
} as const;

/** The value types of custom attributes (D6): text, number, date (YYYY-MM-DD), yes/no, one of a list. */
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'yes_no', 'list'] as const;
export const AttributeType = z.enum(ATTRIBUTE_TYPES);
export type AttributeType = z.infer<typeof AttributeType>;

export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  yes_no: 'Yes / no',
  list: 'List',
};

/** A custom attribute value: text, list option and date are strings, number a number, yes/no a boolean. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/** Standard profile fields besides the name that the customer card may show (D6). */
export const STANDARD_FIELDS = ['gender', 'city', 'country'] as const;
export const StandardField = z.enum(STANDARD_FIELDS);
export type StandardField = z.infer<typeof StandardField>;

export const STANDARD_FIELD_LABELS: Record<StandardField, string> = {
  gender: 'Gender',
  city: 'City',
  country: 'Country',
};

/**
 * Column and field names a custom attribute may not take (case-insensitive): the standard fields,
 * and the other columns of the CSV import/export.
 */
export const RESERVED_ATTRIBUTE_NAMES = ['name', ...STANDARD_FIELDS, 'destinations', 'tags'] as const;

const isReservedName = (name: string) =>
  (RESERVED_ATTRIBUTE_NAMES as readonly string[]).includes(name.trim().toLowerCase());

/** A custom attribute definition; supervisors define them (D1, D6). */
export const AttributeDefinition = z.object({
  id: z.uuid(),
  /** Unique (case-insensitive); values on profiles are keyed by it. */
  name: z.string(),
  type: AttributeType,
  /** The choices of a `list` attribute, in display order; empty for the other types. */
  options: z.array(z.string()),
  createdAt: z.string(),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

export const AttributeDefinitionList = z.object({ items: z.array(AttributeDefinition) });
export type AttributeDefinitionList = z.infer<typeof AttributeDefinitionList>;

const AttributeName = z
  .string()
  .trim()
  .min(1)
  .max(CUSTOMER_LIMITS.attributeName)
  .refine((name) => !isReservedName(name), { message: 'This name is taken by a standard field' });

const ListOptions = z
  .array(z.string().trim().min(1).max(CUSTOMER_LIMITS.listOption))
  .max(CUSTOMER_LIMITS.listOptions)
  .refine((options) => new Set(options.map((o) => o.toLowerCase())).size === options.length, {
    message: 'List options must be different',
  });

export const CreateAttributeDefinitionRequest = z
  .object({ name: AttributeName, type: AttributeType, options: ListOptions.default([]) })
  .refine((d) => (d.type === 'list') === d.options.length > 0, {
    message: 'A list attribute needs its options; other types take none',
    path: ['options'],
  });
export type CreateAttributeDefinitionRequest = z.input<typeof CreateAttributeDefinitionRequest>;

/**
 * Renames an attribute (values move with it) or replaces a list's options; the type never changes.
 * An option still used by a profile cannot be removed (`conflict`).
 */
export const UpdateAttributeDefinitionRequest = z.object({
  name: AttributeName.optional(),
  options: ListOptions.min(1).optional(),
});
export type UpdateAttributeDefinitionRequest = z.input<typeof UpdateAttributeDefinitionRequest>;

/** What a value check needs of a definition. */
export type AttributeRule = Pick<AttributeDefinition, 'name' | 'type' | 'options'>;

export type AttributeCheck = { ok: true; value: AttributeValue } | { ok: false; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/**
 * The one value rule of every write path (web, People API, CSV): null or an empty string clears
 * the value; otherwise it must fit the type. A list value is stored as the option's own spelling.
 */
export function checkAttributeValue(rule: AttributeRule, value: unknown): AttributeCheck {
  if (value === null || value === '') return { ok: true, value: null };
  const fail = (message: string): AttributeCheck => ({ ok: false, message: `${rule.name}: ${message}` });
  switch (rule.type) {
    case 'text': {
      if (typeof value !== 'string') return fail('must be text');
      const text = value.trim();
      if ([...text].length > CUSTOMER_LIMITS.textValue)
        return fail(`must be at most ${CUSTOMER_LIMITS.textValue} characters`);
      return { ok: true, value: text === '' ? null : text };
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { ok: true, value }
        : fail('must be a number');
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? { ok: true, value }
        : fail('must be a date written YYYY-MM-DD');
    case 'yes_no':
      return typeof value === 'boolean' ? { ok: true, value } : fail('must be yes or no');
    case 'list': {
      const option =
        typeof value === 'string'
          ? rule.options.find((o) => o.toLowerCase() === value.trim().toLowerCase())
          : undefined;
      return option !== undefined
        ? { ok: true, value: option }
        : fail(`must be one of ${rule.options.map((o) => `"${o}"`).join(', ')}`);
    }
  }
}

const YES = ['yes', 'true', '1', 'y'];
const NO = ['no', 'false', '0', 'n'];

/** A value typed as text (a CSV cell, a form field) read as the attribute's type, then checked. */
export function attributeValueFromText(rule: AttributeRule, text: string): AttributeCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (rule.type === 'number') {
    const n = Number(trimmed);
    return checkAttributeValue(rule, trimmed !== '' && Number.isFinite(n) ? n : trimmed);
  }
  if (rule.type === 'yes_no') {
    const lower = trimmed.toLowerCase();
    return checkAttributeValue(rule, YES.includes(lower) ? true : NO.includes(lower) ? false : trimmed);
  }
  return checkAttributeValue(rule, trimmed);
}

/** An attribute value written as text (CSV export, display): yes/no as "yes"/"no". */
export function attributeValueToText(value: AttributeValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The rule of a standard field as a card entry: gender is a list, city and country are text. */
export function standardFieldRule(field: StandardField): AttributeRule {
  return field === 'gender'
    ? { name: STANDARD_FIELD_LABELS.gender, type: 'list', options: [...GENDERS] }
    : { name: STANDARD_FIELD_LABELS[field], type: 'text', options: [] };
}

/** A field of the customer card: a standard field or a custom attribute. */
export const CardFieldRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard'), field: StandardField }),
  z.object({ kind: z.literal('custom'), attributeId: z.uuid() }),
]);
export type CardFieldRef = z.infer<typeof CardFieldRef>;

/** Basic fields show at once (at most LIMITS.basicCardAttributes); additional ones behind "See more". */
export const CARD_SECTIONS = ['basic', 'additional'] as const;
export const CardSection = z.enum(CARD_SECTIONS);
export type CardSection = z.infer<typeof CardSection>;

/** How the card shows one field, as the supervisor set it. */
export const CardFieldSetting = z.object({
  ref: CardFieldRef,
  section: CardSection,
  /** Agents may change the value from the card (and the profile); otherwise they only see it. */
  agentEditable: z.boolean(),
});
export type CardFieldSetting = z.infer<typeof CardFieldSetting>;

/** Stable text key of a card field, e.g. `standard:city` or `custom:<attribute id>`. */
export const cardFieldKey = (ref: CardFieldRef) =>
  ref.kind === 'standard' ? `standard:${ref.field}` : `custom:${ref.attributeId}`;

/** The whole card configuration, replaced at once; fields show in the order given within their section. */
export const UpdateCustomerCardRequest = z
  .object({ fields: z.array(CardFieldSetting).max(200) })
  .refine((c) => c.fields.filter((f) => f.section === 'basic').length <= LIMITS.basicCardAttributes, {
    message: `At most ${LIMITS.basicCardAttributes} basic attributes`,
    path: ['fields'],
  })
  .refine((c) => new Set(c.fields.map((f) => cardFieldKey(f.ref))).size === c.fields.length, {
    message: 'A field may appear on the card only once',
    path: ['fields'],
  });
export type UpdateCustomerCardRequest = z.input<typeof UpdateCustomerCardRequest>;

/** A card field with what the card needs to show and edit it. */
export const CustomerCardField = CardFieldSetting.extend({
  /** The attribute name (the key of `Customer.attributes`) or the standard field's label. */
  label: z.string(),
  type: AttributeType,
  options: z.array(z.string()),
});
export type CustomerCardField = z.infer<typeof CustomerCardField>;

/** The customer card configuration: basic fields first, then additional, each in the set order. */
export const CustomerCardConfig = z.object({ fields: z.array(CustomerCardField) });
export type CustomerCardConfig = z.infer<typeof CustomerCardConfig>;

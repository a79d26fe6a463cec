import type {
  AttributeRule,
  AttributeValue,
  CardFieldRef,
  Customer,
  Gender,
  UpdateCustomerRequest,
} from '@parley/contracts';

export const GENDER_LABELS: Record<Gender, string> = { MALE: 'Male', FEMALE: 'Female' };

/** What lists and headers call a customer: the name, else the first address. */
export function customerDisplayName(customer: Pick<Customer, 'name' | 'destinations'>): string {
  return customer.name ?? customer.destinations[0]?.address ?? 'Unnamed customer';
}

/** Initials for an avatar. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return ((words[0]?.[0] ?? '?') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A value as people read it: yes/no, a local date, a grouped number, the gender's label; "—" when empty. */
export function formatValue(rule: AttributeRule, value: AttributeValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (rule.type === 'date' && typeof value === 'string')
    return dateFormat.format(new Date(`${value}T00:00:00Z`));
  // Grouping only from five digits on, so a year (2025) reads as one.
  if (typeof value === 'number')
    return value.toLocaleString(undefined, { useGrouping: 'min2', maximumFractionDigits: 6 });
  if (rule.type === 'list' && (value === 'MALE' || value === 'FEMALE')) return GENDER_LABELS[value];
  return String(value);
}

/** The value of a card field on a profile. */
export function fieldValue(customer: Customer, ref: CardFieldRef, label: string): AttributeValue | undefined {
  return ref.kind === 'standard' ? customer[ref.field] : customer.attributes[label];
}

/** The profile change that sets a card field. */
export function fieldPatch(ref: CardFieldRef, label: string, value: AttributeValue): UpdateCustomerRequest {
  if (ref.kind === 'custom') return { attributes: { [label]: value } };
  if (ref.field === 'gender') return { gender: value === 'MALE' || value === 'FEMALE' ? value : null };
  return { [ref.field]: value === null ? null : String(value) };
}

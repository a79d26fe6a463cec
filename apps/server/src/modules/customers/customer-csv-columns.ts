import { type AttributeRule, attributeValueToText, CHANNELS, type Channel } from '@parley/contracts';
import type { Destination } from './customer-values.ts';
import type { CustomerProfile } from './customers.service.ts';

// The columns of the customer CSV, shared by import and export so an export imports again
// unchanged: the standard fields, destinations and tags, then one column per attribute by name.

export const FIXED_COLUMNS = ['name', 'gender', 'city', 'country', 'destinations', 'tags'] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];

/** Separates the entries of the destinations and tags cells. */
export const LIST_SEPARATOR = ';';

/** The header row: fixed columns, then the attributes in definition order. */
export function headerCells(definitions: readonly AttributeRule[]): string[] {
  return [...FIXED_COLUMNS, ...definitions.map((d) => d.name)];
}

/** `SMS:385911234567;EMAIL:ana@example.com`. */
export function destinationsCell(destinations: readonly Destination[]): string {
  return destinations.map((d) => `${d.channel}:${d.address}`).join(LIST_SEPARATOR);
}

/** Reads a destinations cell; each entry is CHANNEL:address (channel names ignore case). */
export function parseDestinationsCell(cell: string): { value: Destination[]; problems: string[] } {
  const value: Destination[] = [];
  const problems: string[] = [];
  for (const entry of cell.split(LIST_SEPARATOR)) {
    const text = entry.trim();
    if (text === '') continue;
    const colon = text.indexOf(':');
    const channel = text.slice(0, Math.max(colon, 0)).trim().toUpperCase();
    if (colon < 0 || !(CHANNELS as readonly string[]).includes(channel)) {
      problems.push(`Destination "${text}" must be CHANNEL:address with a channel of ${CHANNELS.join(', ')}`);
      continue;
    }
    value.push({ channel: channel as Channel, address: text.slice(colon + 1) });
  }
  return { value, problems };
}

/** The cells of one profile in headerCells order. */
export function profileCells(profile: CustomerProfile, definitions: readonly AttributeRule[]): string[] {
  return [
    profile.name ?? '',
    profile.gender ?? '',
    profile.city ?? '',
    profile.country ?? '',
    destinationsCell(profile.destinations),
    profile.tags.join(LIST_SEPARATOR),
    ...definitions.map((d) => attributeValueToText(profile.attributes[d.name])),
  ];
}

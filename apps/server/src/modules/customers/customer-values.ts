import {
  type AttributeCheck,
  type AttributeRule,
  type AttributeValue,
  type Channel,
  type CustomerAttributes,
  checkAttributeValue,
  checkDestination,
} from '@parley/contracts';
import { AppError } from '../../platform/errors.ts';

// The value rules every write path shares (web, People API, CSV import): attribute values fit
// their definitions, addresses are normalised, tags are distinct. Problems are collected so a
// caller can report all of them at once.

export interface Checked<T> {
  value: T;
  problems: string[];
}

/**
 * Attribute values by name, checked against the definitions. Names match case-insensitively and
 * come out in the definition's spelling; an unknown name is a problem (define it first).
 * `fromText` reads text cells (CSV) as the attribute's type instead of expecting JSON types.
 */
export function checkAttributes(
  definitions: readonly AttributeRule[],
  input: Record<string, unknown>,
  read: (rule: AttributeRule, value: unknown) => AttributeCheck = checkAttributeValue,
): Checked<Record<string, AttributeValue>> {
  const byName = new Map(definitions.map((d) => [d.name.toLowerCase(), d]));
  const value: Record<string, AttributeValue> = {};
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const rule = byName.get(name.trim().toLowerCase());
    if (!rule) {
      problems.push(`Unknown attribute "${name}": a supervisor defines attributes first`);
      continue;
    }
    const checked = read(rule, raw);
    if (checked.ok) value[rule.name] = checked.value;
    else problems.push(checked.message);
  }
  return { value, problems };
}

/** `current` with `patch` applied: a null value removes the attribute. */
export function applyAttributes(
  current: CustomerAttributes,
  patch: Record<string, AttributeValue>,
): CustomerAttributes {
  const next: CustomerAttributes = { ...current };
  for (const [name, v] of Object.entries(patch)) {
    if (v === null) delete next[name];
    else next[name] = v;
  }
  return next;
}

export interface Destination {
  channel: Channel;
  address: string;
}

/** One string per (channel, address), for sets and maps of destinations. */
export const destinationKey = (d: Destination): string => `${d.channel}\u0000${d.address}`;

/** The destinations with exact repeats dropped, as given (services trust their callers' addresses). */
export function distinctDestinations(input: readonly Destination[]): Destination[] {
  const seen = new Set<string>();
  return input.filter((d) => !seen.has(destinationKey(d)) && seen.add(destinationKey(d)) !== undefined);
}

/**
 * Typed addresses (CSV, People API) normalised as the channels deliver them, repeats dropped; an
 * address a channel cannot carry is a problem.
 */
export function checkDestinations(input: readonly Destination[]): Checked<Destination[]> {
  const value: Destination[] = [];
  const problems: string[] = [];
  for (const d of input) {
    const checked = checkDestination(d.channel, d.address);
    if (!checked.ok) {
      problems.push(checked.message);
      continue;
    }
    value.push({ channel: d.channel, address: checked.address });
  }
  return { value: distinctDestinations(value), problems };
}

/** Trimmed tag names, distinct ignoring case (the first spelling wins), empty ones dropped. */
export function distinctTags(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name !== '' && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

/** Throws every collected problem as one 400 `validation_failed` (all listed in `details.problems`). */
export function refuseProblems(problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new AppError('validation_failed', 400, problems.join('; '), { problems });
}

import {
  type AttributeRule,
  attributeValueFromText,
  CUSTOMER_LIMITS,
  GENDERS,
  type Gender,
  LIMITS,
} from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import { listDefinitions } from './customer-attributes.repo.ts';
import { type CsvRecord, cellValue, parseCsv } from './customer-csv.ts';
import {
  FIXED_COLUMNS,
  type FixedColumn,
  LIST_SEPARATOR,
  parseDestinationsCell,
} from './customer-csv-columns.ts';
import {
  applyAttributes,
  checkAttributes,
  checkDestinations,
  destinationKey,
  distinctTags,
} from './customer-values.ts';
import {
  findCustomersByDestinations,
  insertProfiles,
  type NewProfileRows,
  refreshSearchText,
} from './customers.repo.ts';

/** A bad row of an import: its line in the file and why. */
export interface ImportProblem {
  line: number;
  message: string;
}

/** How many problems a refusal lists; a file with more says how many it left out. */
const PROBLEMS_SHOWN = 200;

function refuse(problems: readonly ImportProblem[]): never {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  const first = shown[0];
  const summary = `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, first on line ${first?.line}: ${first?.message}`;
  throw new AppError('validation_failed', 422, summary, {
    problems: more > 0 ? [...shown, { line: shown.at(-1)?.line ?? 1, message: `…and ${more} more` }] : shown,
  });
}

type Column = { kind: 'fixed'; name: FixedColumn } | { kind: 'attribute'; rule: AttributeRule };

/** Maps the header row to columns; unknown and repeated names are problems on line 1. */
function readHeader(header: CsvRecord, definitions: readonly AttributeRule[]) {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const columns = header.fields.map((raw): Column | null => {
    const name = cellValue(raw);
    const lower = name.toLowerCase();
    if (seen.has(lower)) problems.push({ line: header.line, message: `Column "${name}" appears twice` });
    seen.add(lower);
    const fixed = FIXED_COLUMNS.find((c) => c === lower);
    if (fixed) return { kind: 'fixed', name: fixed };
    const rule = definitions.find((d) => d.name.toLowerCase() === lower);
    if (rule) return { kind: 'attribute', rule };
    problems.push({
      line: header.line,
      message: `Unknown column "${name}": use ${FIXED_COLUMNS.join(', ')} or the name of a defined attribute`,
    });
    return null;
  });
  if (!seen.has('name') && !seen.has('destinations')) {
    problems.push({ line: header.line, message: 'The header needs a "name" or a "destinations" column' });
  }
  return { columns, problems };
}

/** One row as a new profile, or the reasons it cannot be one. */
function readRow(record: CsvRecord, columns: readonly (Column | null)[]) {
  const problems: string[] = [];
  if (record.fields.length !== columns.length) {
    return {
      problems: [`The row has ${record.fields.length} fields, the header has ${columns.length}`],
    };
  }
  const fixed: Partial<Record<FixedColumn, string>> = {};
  const attributes: Record<string, string> = {};
  columns.forEach((column, i) => {
    const value = cellValue(record.fields[i] ?? '');
    if (column?.kind === 'fixed') fixed[column.name] = value;
    if (column?.kind === 'attribute') attributes[column.rule.name] = value;
  });
  const name = fixed.name || null;
  if (name && [...name].length > LIMITS.displayName)
    problems.push(`The name is longer than ${LIMITS.displayName} characters`);
  const gender = (fixed.gender?.toUpperCase() || null) as Gender | null;
  if (gender && !GENDERS.includes(gender)) problems.push(`Gender "${fixed.gender}" must be MALE or FEMALE`);
  for (const place of ['city', 'country'] as const) {
    if ([...(fixed[place] ?? '')].length > CUSTOMER_LIMITS.cityOrCountry)
      problems.push(`The ${place} is longer than ${CUSTOMER_LIMITS.cityOrCountry} characters`);
  }
  const parsed = parseDestinationsCell(fixed.destinations ?? '');
  const destinations = checkDestinations(parsed.value);
  const tags = distinctTags((fixed.tags ?? '').split(LIST_SEPARATOR));
  if (tags.length > CUSTOMER_LIMITS.tags) problems.push(`More than ${CUSTOMER_LIMITS.tags} tags`);
  const longTag = tags.find((t) => [...t].length > CUSTOMER_LIMITS.tagName);
  if (longTag) problems.push(`Tag "${longTag}" is longer than ${CUSTOMER_LIMITS.tagName} characters`);
  if (destinations.value.length > CUSTOMER_LIMITS.destinations)
    problems.push(`More than ${CUSTOMER_LIMITS.destinations} destinations`);
  const values = checkAttributes(
    columns.flatMap((c) => (c?.kind === 'attribute' ? [c.rule] : [])),
    attributes,
    (rule, v) => attributeValueFromText(rule, String(v)),
  );
  problems.push(...parsed.problems, ...destinations.problems, ...values.problems);
  if (!name && destinations.value.length === 0) problems.push('The row has neither a name nor a destination');
  const profile: NewProfileRows = {
    customer: {
      id: crypto.randomUUID(),
      name,
      gender,
      city: fixed.city || null,
      country: fixed.country || null,
      attributes: applyAttributes({}, values.value),
    },
    destinations: destinations.value,
    tags,
  };
  return { profile, problems };
}

/** Rows claiming an address twice, or one another profile owns, each named with the holder. */
async function destinationProblems(
  tx: Orm,
  rows: readonly { line: number; profile: NewProfileRows }[],
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, profile } of rows) {
    for (const d of profile.destinations) {
      const key = destinationKey(d);
      const earlier = firstLine.get(key);
      if (earlier === undefined) firstLine.set(key, line);
      else problems.push({ line, message: `${d.channel} ${d.address} is also on line ${earlier}` });
    }
  }
  const owners = await findCustomersByDestinations(
    tx,
    rows.flatMap((r) => r.profile.destinations),
  );
  for (const o of owners) {
    const line = firstLine.get(destinationKey(o)) ?? 1;
    const who = o.customer.name ?? 'an unnamed customer';
    problems.push({ line, message: `${o.channel} ${o.address} already belongs to ${who}` });
  }
  return problems;
}

/**
 * Imports a CSV of new profiles (docs/customers.md): all rows or none. Every bad row is reported
 * with its line and reason (422 `validation_failed`, `details.problems`); nothing is written then.
 */
export function importCustomers(events: Events, csv: string): Promise<{ created: number }> {
  return events.transact(async ({ tx, emit }) => {
    const parsed = parseCsv(csv);
    if (!parsed.ok) refuse([{ line: parsed.line, message: parsed.message }]);
    const [header, ...records] = parsed.records;
    if (!header) refuse([{ line: 1, message: 'The file is empty: its first row must name the columns' }]);
    if (records.length === 0) refuse([{ line: header.line, message: 'There are no rows below the header' }]);
    if (records.length > CUSTOMER_LIMITS.importRows) {
      refuse([
        {
          line: header.line,
          message: `At most ${CUSTOMER_LIMITS.importRows} rows per file (this one has ${records.length})`,
        },
      ]);
    }
    const { columns, problems } = readHeader(header, await listDefinitions(tx));
    if (problems.length > 0) refuse(problems);
    const rows: { line: number; profile: NewProfileRows }[] = [];
    for (const record of records) {
      const row = readRow(record, columns);
      for (const message of row.problems) problems.push({ line: record.line, message });
      if (row.profile) rows.push({ line: record.line, profile: row.profile });
    }
    problems.push(...(await destinationProblems(tx, rows)));
    if (problems.length > 0) refuse(problems.sort((a, b) => a.line - b.line));
    try {
      await insertProfiles(
        tx,
        rows.map((r) => r.profile),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('An address was taken while importing: import the file again');
      throw error;
    }
    await refreshSearchText(
      tx,
      rows.map((r) => r.profile.customer.id),
    );
    emit('customer.imported', { count: rows.length });
    return { created: rows.length };
  });
}

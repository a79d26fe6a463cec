// Parley keeps one name per profile; the People API has firstName, middleName and lastName.
// A name is written as its parts joined by spaces and read back with its last word as the last
// name (docs/customers.md), so "Jane Smith" round-trips and "Mary Ann Smith" reads as
// firstName "Mary Ann", lastName "Smith".

export interface NameParts {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
}

/** The profile name of the parts; null when all are blank. */
export function joinName(parts: NameParts): string | null {
  const words = [parts.firstName, parts.middleName, parts.lastName]
    .map((p) => p?.trim() ?? '')
    .filter(Boolean);
  return words.length ? words.join(' ') : null;
}

/** The parts of a profile name: the last word is the last name when there are several. */
export function splitName(name: string | null): { firstName?: string; lastName?: string } {
  const words = name?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return {};
  if (words.length === 1) return { firstName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) };
}

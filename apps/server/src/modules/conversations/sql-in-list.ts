import { type SQL, sql } from 'drizzle-orm';

/**
 * Renders a constant list such as `('OPEN', 'WAITING')` for CHECK constraints, so the allowed
 * values of a text column come from the contracts' enums instead of being typed twice.
 * Only for compile-time constants: the values are inlined, not bound.
 */
export function inList(values: readonly string[]): SQL {
  return sql.raw(`(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parley ids are UUIDs; callers (integrators, webhook URLs) may send any string, so ids are checked
 * before they reach a uuid column, where a malformed one would fail the query.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

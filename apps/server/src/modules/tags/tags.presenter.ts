import type { Tag } from '@parley/contracts';
import type { TagRow } from './tags.repo.ts';

/** The one shape of a catalogue tag in every output. */
export function presentTag(row: TagRow): Tag {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
  };
}

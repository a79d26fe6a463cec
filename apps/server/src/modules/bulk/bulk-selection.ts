import { BULK_FILTER_MAX, type ViewFilters } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { listConversationIds } from '../conversations/conversations.queries.ts';
import type { Viewer } from '../conversations/conversations.visibility.ts';

/** Ids read per keyset page while resolving a filter. */
const RESOLVE_BATCH = 1000;

/**
 * "All conversations matching": the ids of every conversation the filter selects for this viewer,
 * read in keyset pages in creation order (a key no bulk action changes, so no page skips or repeats
 * a row). More than `max` refuses the request before anything changes.
 */
export async function resolveFilterIds(
  orm: Orm,
  filter: ViewFilters,
  viewer: Viewer,
  { batch = RESOLVE_BATCH, max = BULK_FILTER_MAX }: { batch?: number; max?: number } = {},
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listConversationIds(
      orm,
      { ...filter, sort: 'requested', direction: 'desc', limit: batch, cursor },
      viewer,
    );
    ids.push(...page.items);
    if (ids.length > max) {
      throw new AppError(
        'limit_exceeded',
        422,
        `More than ${max} conversations match; narrow the filter to at most ${max}`,
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

import {
  type ChannelConnectionRow,
  findConnectionById,
} from '../modules/channel-connections/channel-connections.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { isUuid } from '../platform/ids.ts';

/**
 * Connections are read on every webhook call and every processed event; a short cache keeps the
 * acknowledgement to one insert. An admin's change (disable, new secret) applies within this time.
 */
export const CONNECTION_CACHE_MS = 5000;

/** A cached connection lookup by id; ids that are no uuid or no connection give undefined. */
export function createConnectionCache(ctx: AppContext) {
  const cache = new Map<string, { row: ChannelConnectionRow; at: number }>();
  return async (id: string): Promise<ChannelConnectionRow | undefined> => {
    if (!isUuid(id)) return undefined;
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < CONNECTION_CACHE_MS) return hit.row;
    const row = await findConnectionById(ctx.db.orm, id);
    // Only real connections are cached, so calls with made-up ids cannot grow the map.
    if (row) cache.set(id, { row, at: Date.now() });
    else cache.delete(id);
    return row;
  };
}

import {
  type ConversationCountQuery,
  VIEW_COUNT_CAP,
  type ViewCount,
  type ViewCounts,
} from '@parley/contracts';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { countConversations } from '../conversations/conversations.queries.ts';
import { seesEverything, type Viewer } from '../conversations/conversations.visibility.ts';
import { queueMembers, queues } from '../queues/queues.schema.ts';
import type { SavedViewRow } from './views.repo.ts';

// The ALL WORK sidebar counts. Each count reads at most VIEW_COUNT_CAP + 1 rows (a LIMIT inside the
// count), so a view over a million conversations costs no more than one over ten thousand; above
// the cap the sidebar shows "10k+".

const count = (orm: Orm, query: Parameters<typeof countConversations>[1], viewer: Viewer) =>
  countConversations(orm, query, viewer, VIEW_COUNT_CAP);

/** How many conversations a list query (an unsaved view) shows the viewer, capped like the sidebar. */
export const countList = (orm: Orm, query: ConversationCountQuery, viewer: Viewer) =>
  count(orm, query, viewer);

/**
 * The sidebar's queues: every live queue for supervisors; for agents their own, and the Default
 * queue while it is open to every agent (D4).
 */
export function listSidebarQueues(orm: Orm, viewer: Viewer): Promise<{ id: string; name: string }[]> {
  return orm
    .select({ id: queues.id, name: queues.name })
    .from(queues)
    .where(
      and(
        isNull(queues.deletedAt),
        seesEverything(viewer)
          ? undefined
          : or(
              and(eq(queues.isDefault, true), eq(queues.openToAllAgents, true)),
              sql`exists (select 1 from ${queueMembers} m where m.queue_id = ${queues.id} and m.user_id = ${viewer.userId})`,
            ),
      ),
    )
    .orderBy(sql`${queues.isDefault} desc`, asc(sql`lower(${queues.name})`), asc(queues.id));
}

/** Every sidebar count for the viewer: predefined views, their saved views (in the order given), their queues. */
export async function countSidebar(
  orm: Orm,
  viewer: Viewer,
  views: readonly SavedViewRow[],
): Promise<ViewCounts> {
  const sidebarQueues = await listSidebarQueues(orm, viewer);
  const [unassigned, all, history, allBots, viewCounts, queueCounts] = await Promise.all([
    count(orm, { view: 'unassigned' }, viewer),
    count(orm, { view: 'all' }, viewer),
    count(orm, { view: 'history' }, viewer),
    count(orm, { view: 'bots' }, viewer),
    Promise.all(views.map((v) => count(orm, v.filters, viewer))),
    Promise.all(sidebarQueues.map((q) => count(orm, { view: 'queue', queueId: [q.id] }, viewer))),
  ]);
  return {
    predefined: { unassigned, all, history, allBots },
    views: views.map((v, i) => ({ viewId: v.id, ...(viewCounts[i] as ViewCount) })),
    queues: sidebarQueues.map((q, i) => ({ queueId: q.id, name: q.name, ...(queueCounts[i] as ViewCount) })),
  };
}

import type { Role } from '@parley/contracts';
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Audience } from '../../platform/realtime/types.ts';
import { queueMembers, queues } from '../queues/queues.schema.ts';
import { type ConversationRow, findConversationById } from './conversations.repo.ts';
import { conversations } from './conversations.schema.ts';

// D4 visibility: agents see the conversations of the queues they belong to, of the Default queue
// (unless a supervisor closed it to non-members: `queues.open_to_all_agents`), and those assigned
// to them; supervisors see everything. Lists, gets, timelines and realtime
// pushes all decide here, so an invisible conversation is simply "not found" everywhere.

/** The signed-in user a read is made for. */
export interface Viewer {
  userId: string;
  roles: readonly Role[];
}

export const seesEverything = (viewer: Viewer) => viewer.roles.includes('supervisor');

/** The WHERE condition on `conversations` for what the viewer may see; undefined when unrestricted. */
export function visibleTo(viewer: Viewer): SQL | undefined {
  if (seesEverything(viewer)) return undefined;
  // A conversation without a queue counts as the Default queue's (threading always sets one). The
  // visible queues are one array computed once per query, so `queue_id = any(…)` can be an index
  // condition (the ALL WORK lists and counts, docs/all-work.md "Performance").
  return or(
    eq(conversations.assigneeUserId, viewer.userId),
    sql`${conversations.queueId} is null`,
    sql`${conversations.queueId} = any(array(
      select ${queues.id} from ${queues} where ${queues.isDefault} and ${queues.openToAllAgents}
      union all select ${queueMembers.queueId} from ${queueMembers} where ${queueMembers.userId} = ${viewer.userId}))`,
  );
}

/** Whether the viewer may see this conversation. */
export async function canSeeConversation(orm: Orm, conv: ConversationRow, viewer: Viewer): Promise<boolean> {
  if (seesEverything(viewer) || conv.assigneeUserId === viewer.userId || conv.queueId === null) return true;
  const result = await orm.execute(sql`
    select 1 from ${queues} q
    where q.id = ${conv.queueId}
      and ((q.is_default and q.open_to_all_agents) or exists (
        select 1 from ${queueMembers} m where m.queue_id = q.id and m.user_id = ${viewer.userId}))`);
  return result.rows.length > 0;
}

/** Loads a conversation the viewer may see; one they may not is answered 404 like a missing one. */
export async function loadVisibleConversation(
  ctx: Pick<AppContext, 'db'>,
  id: string,
  viewer: Viewer,
): Promise<ConversationRow> {
  const conv = await findConversationById(ctx.db.orm, id);
  if (!conv || !(await canSeeConversation(ctx.db.orm, conv, viewer))) throw notFound('Conversation');
  return conv;
}

/**
 * Who may see a conversation in this state, as a realtime audience: supervisors, the assignee
 * (and `alsoUserIds`, e.g. the one who just lost it), and the agent members of its queue — every
 * agent when it is the Default queue open to all.
 */
export async function conversationAudience(
  orm: Orm,
  conv: AudienceSource,
  alsoUserIds: readonly (string | null | undefined)[] = [],
): Promise<Audience> {
  const [audience] = await conversationAudiences(orm, [conv]);
  const userIds = new Set(audience?.userIds);
  for (const id of alsoUserIds) if (id) userIds.add(id);
  return { roles: audience?.roles ?? ['supervisor'], userIds: [...userIds] };
}

type AudienceSource = Pick<ConversationRow, 'queueId' | 'assigneeUserId'>;

/** conversationAudience of several conversations, in the order given, with one query for all their queues. */
export async function conversationAudiences(orm: Orm, convs: readonly AudienceSource[]): Promise<Audience[]> {
  const queueIds = [...new Set(convs.flatMap((c) => (c.queueId === null ? [] : [c.queueId])))];
  const rows = queueIds.length
    ? await orm
        .select({
          queueId: queues.id,
          openToAll: sql<boolean>`${queues.isDefault} and ${queues.openToAllAgents}`,
          userId: queueMembers.userId,
        })
        .from(queues)
        .leftJoin(queueMembers, eq(queueMembers.queueId, queues.id))
        .where(inArray(queues.id, queueIds))
    : [];
  const openQueues = new Set(rows.filter((r) => r.openToAll).map((r) => r.queueId));
  const members = new Map<string, string[]>();
  for (const r of rows) if (r.userId) members.set(r.queueId, [...(members.get(r.queueId) ?? []), r.userId]);
  return convs.map((conv) => {
    const userIds = new Set<string>();
    if (conv.assigneeUserId) userIds.add(conv.assigneeUserId);
    const roles: Role[] = ['supervisor'];
    if (conv.queueId === null || openQueues.has(conv.queueId)) roles.push('agent');
    for (const id of conv.queueId === null ? [] : (members.get(conv.queueId) ?? [])) userIds.add(id);
    return { roles, userIds: [...userIds] };
  });
}

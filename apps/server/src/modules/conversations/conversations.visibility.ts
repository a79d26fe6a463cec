import type { Role } from '@parley/contracts';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Audience } from '../../platform/realtime/types.ts';
import { queueMembers, queues } from '../queues/queues.schema.ts';
import { type ConversationRow, findConversationById } from './conversations.repo.ts';
import { conversations } from './conversations.schema.ts';

// D4 visibility: agents see the conversations of the queues they belong to, of the Default queue,
// and those assigned to them; supervisors see everything. Lists, gets, timelines and realtime
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
  // A conversation without a queue counts as the Default queue's (threading always sets one).
  return or(
    eq(conversations.assigneeUserId, viewer.userId),
    sql`${conversations.queueId} is null`,
    sql`${conversations.queueId} in (select ${queues.id} from ${queues} where ${queues.isDefault})`,
    sql`${conversations.queueId} in (select ${queueMembers.queueId} from ${queueMembers} where ${queueMembers.userId} = ${viewer.userId})`,
  );
}

/** Whether the viewer may see this conversation. */
export async function canSeeConversation(orm: Orm, conv: ConversationRow, viewer: Viewer): Promise<boolean> {
  if (seesEverything(viewer) || conv.assigneeUserId === viewer.userId || conv.queueId === null) return true;
  const result = await orm.execute(sql`
    select 1 from ${queues} q
    where q.id = ${conv.queueId}
      and (q.is_default or exists (
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
 * agent when it is the Default queue.
 */
export async function conversationAudience(
  orm: Orm,
  conv: Pick<ConversationRow, 'queueId' | 'assigneeUserId'>,
  alsoUserIds: readonly (string | null | undefined)[] = [],
): Promise<Audience> {
  const userIds = new Set<string>();
  for (const id of [conv.assigneeUserId, ...alsoUserIds]) if (id) userIds.add(id);
  const roles: Role[] = ['supervisor'];
  if (conv.queueId === null) {
    roles.push('agent');
  } else {
    const result = await orm.execute<{ is_default: boolean; user_id: string | null }>(sql`
      select q.is_default, m.user_id from ${queues} q
      left join ${queueMembers} m on m.queue_id = q.id
      where q.id = ${conv.queueId}`);
    if (result.rows.some((r) => r.is_default)) roles.push('agent');
    for (const r of result.rows) if (r.user_id) userIds.add(r.user_id);
  }
  return { roles, userIds: [...userIds] };
}

import type { BulkAction, BulkActionResult, BulkRefusal } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events, TxScope } from '../../platform/events/types.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import type { Viewer } from '../conversations/conversations.visibility.ts';
import { filterAgentIds, findQueueById } from '../queues/queues.repo.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { type BulkFacts, planRow } from './bulk.plan.ts';
import { findVisibleIds, lockConversations, restrictingMembersOf } from './bulk.repo.ts';
import { type RowChange, writeBulkChanges } from './bulk.writes.ts';

/**
 * Conversations per transaction. Each batch locks its rows (in id order), decides every row with the
 * D2/D3 rules in memory and writes the changes set-wise: a few statements and one commit per batch
 * instead of a transaction per conversation.
 */
const BATCH = 250;

type Outcome = { kind: 'changed' | 'unchanged' } | { kind: 'refused'; refusal: BulkRefusal };

const invisible = (conversationId: string): Outcome => {
  const error = notFound('Conversation');
  return {
    kind: 'refused',
    refusal: { conversationId, number: null, code: error.code, message: error.message },
  };
};

/** What the rules need besides the rows: queue members, the new assignee, the target queue. */
async function loadFacts(
  scope: TxScope,
  actor: Actor,
  queueIds: readonly (string | null)[],
  action: BulkAction,
): Promise<BulkFacts> {
  let targetQueueId: string | null = null;
  let targetQueueLive = false;
  if (action.type === 'queue') {
    const target = action.queueId
      ? await findQueueById(scope.tx, action.queueId)
      : await ensureDefaultQueue(scope.tx);
    targetQueueId = target?.id ?? action.queueId;
    targetQueueLive = target !== undefined;
  }
  const ids = new Set(queueIds.filter((id): id is string => id !== null));
  if (targetQueueId) ids.add(targetQueueId);
  const targetIsAgent =
    action.type === 'reassign' && action.userId !== null
      ? (await filterAgentIds(scope.tx, [action.userId])).length > 0
      : false;
  return {
    actor,
    restricting: await restrictingMembersOf(scope.tx, [...ids]),
    targetIsAgent,
    targetQueueId,
    targetQueueLive,
  };
}

/** One batch in one transaction: lock, decide each row, write the changes with their log and events. */
function applyBatch(events: Events, actor: Actor, ids: readonly string[], action: BulkAction) {
  return events.transact(async (scope) => {
    const rows = await lockConversations(scope.tx, ids);
    const facts = await loadFacts(
      scope,
      actor,
      rows.map((r) => r.queueId),
      action,
    );
    const outcomes = new Map<string, Outcome>(ids.map((id) => [id, invisible(id)]));
    const changes: RowChange[] = [];
    for (const row of rows) {
      const plan = planRow(row, action, facts);
      if (plan.kind === 'change') changes.push({ row, unassignFirst: plan.unassignFirst });
      outcomes.set(
        row.id,
        plan.kind === 'refused'
          ? {
              kind: 'refused',
              refusal: {
                conversationId: row.id,
                // A not_found refusal (the new assignee or queue) names nothing, as for one unseen.
                number: plan.code === 'not_found' ? null : row.number,
                code: plan.code,
                message: plan.message,
              },
            }
          : { kind: plan.kind === 'change' ? 'changed' : 'unchanged' },
      );
    }
    await writeBulkChanges(scope, actor, action, changes, facts.targetQueueId);
    return outcomes;
  });
}

/**
 * Applies one action to each conversation with the rules, change log and events of a single change
 * (D2/D3): a refusal is decided per conversation before anything is written, so it never undoes the
 * others, and is reported with its code and message. Conversations the viewer cannot see are
 * refused `not_found` without their number.
 */
export async function applyBulkAction(
  deps: { orm: Orm; events: Events },
  viewer: Viewer,
  actor: Actor,
  ids: readonly string[],
  action: BulkAction,
): Promise<BulkActionResult> {
  const unique = [...new Set(ids)];
  const visible = await findVisibleIds(deps.orm, unique, viewer);
  const outcomes = new Map<string, Outcome>(
    unique.filter((id) => !visible.has(id)).map((id) => [id, invisible(id)]),
  );
  const seen = unique.filter((id) => visible.has(id)).sort();
  for (let i = 0; i < seen.length; i += BATCH) {
    const batch = await applyBatch(deps.events, actor, seen.slice(i, i + BATCH), action);
    for (const [id, outcome] of batch) outcomes.set(id, outcome);
  }
  const all = [...outcomes.values()];
  const refused = all.flatMap((o) => (o.kind === 'refused' ? [o.refusal] : []));
  refused.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return { matched: unique.length, changed: all.filter((o) => o.kind === 'changed').length, refused };
}

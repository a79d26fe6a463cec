import type { BulkAction } from '@parley/contracts';
import type { TxScope } from '../../platform/events/types.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import {
  type ConversationRow,
  insertLogEntries,
  type NewLogEntry,
} from '../conversations/conversations.repo.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { updateConversationRows } from './bulk.repo.ts';

// The writes of a bulk batch, set-wise: one UPDATE per kind of change, one INSERT of the change-log
// entries, and per conversation the same event (type and payload) the single-change services of
// conversations.service.ts emit — `writeAssignee`, `applyStatus`, `setConversationPriority` and
// `changeConversationQueue`. bulk.routes.int.test.ts compares the two paths.

/** A locked row the batch changes, and whether a queue change first takes it from its assignee. */
export interface RowChange {
  row: ConversationRow;
  unassignFirst: boolean;
}

const person = (userId: string | null) => userId && { userId };
const byId = (rows: readonly ConversationRow[]) => new Map(rows.map((r) => [r.id, r]));

/** Assigns (or unassigns, `to` null) every row: writeAssignee for each. */
async function writeAssignees(
  scope: TxScope,
  actor: Actor,
  rows: readonly ConversationRow[],
  to: string | null,
) {
  const updated = byId(
    await updateConversationRows(
      scope.tx,
      rows.map((r) => r.id),
      { assigneeUserId: to },
    ),
  );
  await insertLogEntries(
    scope.tx,
    rows.map((r) => ({
      conversationId: r.id,
      kind: 'assignment',
      from: person(r.assigneeUserId),
      to: person(to),
      actor,
    })),
  );
  for (const row of rows) {
    const from = row.assigneeUserId;
    emitConversation(
      scope,
      to ? 'conversation.assigned' : 'conversation.unassigned',
      updated.get(row.id) ?? row,
      actor,
      {
        from,
        to,
        previousAssigneeUserId: from,
      },
    );
  }
  return updated;
}

/** Writes `action` to the rows `planRow` found to change, in one transaction (the caller's). */
export async function writeBulkChanges(
  scope: TxScope,
  actor: Actor,
  action: BulkAction,
  changes: readonly RowChange[],
  targetQueueId: string | null,
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => c.row);
  const ids = rows.map((r) => r.id);
  const log = (kind: NewLogEntry['kind'], from: (r: ConversationRow) => string | null, to: string | null) =>
    insertLogEntries(
      scope.tx,
      rows.map((r) => ({ conversationId: r.id, kind, from: from(r), to, actor })),
    );
  switch (action.type) {
    case 'reassign':
      await writeAssignees(scope, actor, rows, action.userId);
      return;
    case 'priority': {
      const updated = byId(await updateConversationRows(scope.tx, ids, { priority: action.priority }));
      await log('priority', (r) => r.priority, action.priority);
      for (const row of rows) {
        emitConversation(scope, 'conversation.updated', updated.get(row.id) ?? row, actor, {
          changes: { priority: action.priority },
        });
      }
      return;
    }
    case 'status': {
      const to = action.status;
      const closing = to === 'CLOSED';
      const updated = byId(
        await updateConversationRows(scope.tx, ids, {
          status: to,
          ...(closing && { closedAt: new Date(), pendingSince: null }),
        }),
      );
      await log('status', (r) => r.status, to);
      for (const row of rows) {
        emitConversation(scope, 'conversation.status_changed', updated.get(row.id) ?? row, actor, {
          from: row.status,
          to,
        });
      }
      return;
    }
    case 'queue': {
      if (targetQueueId === null) throw new Error('a queue change needs its target queue');
      await writeAssignees(
        scope,
        actor,
        changes.filter((c) => c.unassignFirst).map((c) => c.row),
        null,
      );
      const updated = byId(await updateConversationRows(scope.tx, ids, { queueId: targetQueueId }));
      await log('queue', (r) => r.queueId, targetQueueId);
      for (const row of rows) {
        emitConversation(scope, 'conversation.queue_changed', updated.get(row.id) ?? row, actor, {
          from: row.queueId,
          to: targetQueueId,
        });
      }
      return;
    }
  }
}

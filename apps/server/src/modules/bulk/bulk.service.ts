import type { BulkAction, BulkActionResult, BulkRefusal } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import {
  type ConversationPatchInput,
  updateConversation,
} from '../conversations/conversation-commands.service.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import type { ConversationRow } from '../conversations/conversations.repo.ts';
import { canSeeConversation, type Viewer } from '../conversations/conversations.visibility.ts';
import { findConversationsByIds } from './bulk.repo.ts';

/** Conversations changed at the same time: each is its own short transaction, so a few run side by side. */
const CONCURRENCY = 4;

/** The one-field change an action is, through the same service a single change uses. */
function patchOf(action: BulkAction): ConversationPatchInput {
  switch (action.type) {
    case 'reassign':
      return { assigneeUserId: action.userId };
    case 'priority':
      return { priority: action.priority };
    case 'status':
      return { status: action.status };
    case 'queue':
      return { queueId: action.queueId };
  }
}

/** The field the action changes, to tell a change from a conversation that already was as asked. */
function changedField(row: ConversationRow, action: BulkAction): unknown {
  switch (action.type) {
    case 'reassign':
      return row.assigneeUserId;
    case 'priority':
      return row.priority;
    case 'status':
      return row.status;
    case 'queue':
      return row.queueId;
  }
}

type Outcome = { kind: 'changed' | 'unchanged' } | { kind: 'refused'; refusal: BulkRefusal };

async function applyToOne(
  deps: { orm: Orm; events: Events },
  viewer: Viewer,
  actor: Actor,
  id: string,
  before: ConversationRow | undefined,
  action: BulkAction,
): Promise<Outcome> {
  try {
    // Visibility is checked per conversation: one may have left the caller's sight since it was listed.
    if (!before || !(await canSeeConversation(deps.orm, before, viewer))) throw notFound('Conversation');
    const after = await updateConversation(deps.events, actor, id, patchOf(action));
    return { kind: changedField(after, action) === changedField(before, action) ? 'unchanged' : 'changed' };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const visible = before && error.code !== 'not_found';
    return {
      kind: 'refused',
      refusal: {
        conversationId: id,
        number: visible ? before.number : null,
        code: error.code,
        message: error.message,
      },
    };
  }
}

/**
 * Applies one action to each conversation, each in its own transaction through the services a
 * single change uses (D2/D3 rules, change log, events): a refusal leaves the others changed and is
 * reported with its code and message.
 */
export async function applyBulkAction(
  deps: { orm: Orm; events: Events },
  viewer: Viewer,
  actor: Actor,
  ids: readonly string[],
  action: BulkAction,
): Promise<BulkActionResult> {
  const unique = [...new Set(ids)];
  // Read up front for the numbers and the values before; each change still locks and re-reads its row.
  const rows = await findConversationsByIds(deps.orm, unique);
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const id = unique[next++] as string;
      outcomes.push(await applyToOne(deps, viewer, actor, id, rows.get(id), action));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  const refused = outcomes.flatMap((o) => (o.kind === 'refused' ? [o.refusal] : []));
  refused.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return {
    matched: unique.length,
    changed: outcomes.filter((o) => o.kind === 'changed').length,
    refused,
  };
}

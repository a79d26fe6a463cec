import { AppError, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { canMerge } from './conversation-merge.policy.ts';
import {
  insertMergeLogEntries,
  lockConversationsInOrder,
  moveConversationContent,
  moveConversationTags,
  refreshCustomerTimes,
} from './conversation-merge.repo.ts';
import {
  addConversationChannels,
  addThreadKeys,
  listThreadKeys,
  type ThreadKey,
  threadKeyText,
} from './conversation-threads.repo.ts';
import { type Actor, enforce } from './conversations.policy.ts';
import { type ConversationRow, insertLogEntry, lockThreadKeys } from './conversations.repo.ts';
import { applyStatus, emitConversation } from './conversations.service.ts';

const missing = (keys: readonly ThreadKey[], known: readonly ThreadKey[]) => {
  const seen = new Set(known.map(threadKeyText));
  return keys.filter((k) => !seen.has(threadKeyText(k)));
};

/**
 * D2 merge, in one transaction: the messages, notes and change log of `sourceIds` move into
 * `targetId` (each at its time, so the timeline interleaves them), their tags join the target's
 * (each tag new to it logged), their channels and threads become the target's (so the customer's
 * next message on any of them lands in the target), and each source is CLOSED with a `merge` log
 * entry naming the target — a pointer kept for history. The target keeps its own status, assignee,
 * queue, priority, topic and summary; "pending" is recomputed from the combined timeline.
 * Rules: canMerge. Thread-key locks are taken before the row locks, in inbound threading's order.
 */
export function mergeConversations(
  events: Events,
  actor: Actor,
  targetId: string,
  sourceIds: readonly string[],
): Promise<ConversationRow> {
  if (sourceIds.includes(targetId)) {
    throw new AppError('validation_failed', 400, 'A conversation cannot be merged into itself');
  }
  return events.transact(async (scope) => {
    const { tx } = scope;
    const seenKeys = await listThreadKeys(tx, sourceIds);
    await lockThreadKeys(tx, seenKeys);
    const rows = await lockConversationsInOrder(tx, [targetId, ...sourceIds]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const target = byId.get(targetId);
    const sources = sourceIds.map((id) => byId.get(id));
    if (!target || sources.some((s) => s === undefined)) throw notFound('Conversation');
    const merged = sources as ConversationRow[];
    enforce(canMerge(actor, target, merged));

    // A "change channel" reply may have given a source a thread between the read and the lock.
    const keys = await listThreadKeys(tx, sourceIds);
    await lockThreadKeys(tx, missing(keys, seenKeys));
    const own = await listThreadKeys(tx, [targetId]);
    await addThreadKeys(tx, targetId, missing(keys, own));
    await addConversationChannels(
      tx,
      targetId,
      merged.flatMap((s) => s.channels),
    );

    await moveConversationContent(tx, sourceIds, targetId);
    for (const tagId of await moveConversationTags(tx, sourceIds, targetId)) {
      await insertLogEntry(tx, targetId, 'tag', null, tagId, actor);
      emitConversation(scope, 'conversation.tagged', target, actor, { tagId });
    }
    const updated = await refreshCustomerTimes(tx, targetId);
    for (const source of merged) await applyStatus(scope, source, 'CLOSED', actor);
    await insertMergeLogEntries(tx, targetId, sourceIds, actor);
    emitConversation(scope, 'conversation.merged', updated, actor, {
      sourceIds,
      sourceNumbers: merged.map((s) => s.number),
    });
    return updated;
  });
}

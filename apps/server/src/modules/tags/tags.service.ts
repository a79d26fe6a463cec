import { TAG_PALETTE, type TagKind } from '@parley/contracts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { lockOpenConversationsWithTag } from '../conversations/conversation-tags.repo.ts';
import { type Actor, checkLength, enforce } from '../conversations/conversations.policy.ts';
import { deleteConversationTag, insertLogEntry } from '../conversations/conversations.repo.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { removeTagFromTemplates } from '../templates/templates.repo.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import { findLiveTagForUpdate, insertTag, type TagRow, updateTagRow } from './tags.repo.ts';

/** Colour of a tag created without one: the palette's neutral grey. */
const DEFAULT_TAG_COLOR = TAG_PALETTE[0].color;

function tagPayload(tag: TagRow) {
  return { id: tag.id, name: tag.name, color: tag.color, kind: tag.kind };
}

async function unlessNameTaken<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A tag named ${name} already exists`);
    throw error;
  }
}

/** A supervisor adds a tag to the catalogue (D8); names are unique per kind, ignoring case. */
export function createTag(
  events: Events,
  input: { name: string; kind: TagKind; color?: string },
): Promise<TagRow> {
  enforce(checkLength('tagName', input.name));
  return events.transact(async ({ tx, emit }) => {
    const tag = await unlessNameTaken(input.name, () =>
      insertTag(tx, { name: input.name, kind: input.kind, color: input.color ?? DEFAULT_TAG_COLOR }),
    );
    emit('tag.created', tagPayload(tag));
    return tag;
  });
}

/** A supervisor renames or recolours a tag; conversations carrying it show the new name. */
export function updateTag(
  events: Events,
  tagId: string,
  patch: { name?: string; color?: string },
): Promise<TagRow> {
  if (patch.name !== undefined) enforce(checkLength('tagName', patch.name));
  return events.transact(async ({ tx, emit }) => {
    const tag = await unlessNameTaken(patch.name ?? '', () => updateTagRow(tx, tagId, patch));
    if (!tag) throw notFound('Tag');
    emit('tag.updated', tagPayload(tag));
    return tag;
  });
}

/**
 * A supervisor (or automation) removes a tag from the catalogue. Every non-CLOSED conversation
 * carrying it loses it, each with its tag log entry by that actor (D2: every tag change is logged),
 * and so does every template. CLOSED conversations never change, so they keep it: the row stays,
 * marked deleted, its name shown where they are presented and free again for a new tag.
 */
export function deleteTag(events: Events, actor: Actor, tagId: string): Promise<void> {
  return events.transact(async (scope) => {
    // The tag is locked before its conversations, as adding a tag locks them, so no open
    // conversation can get it while it is being deleted.
    const tag = await findLiveTagForUpdate(scope.tx, tagId);
    if (!tag) throw notFound('Tag');
    for (const conv of await lockOpenConversationsWithTag(scope.tx, tagId)) {
      if (!(await deleteConversationTag(scope.tx, conv.id, tagId))) continue;
      await insertLogEntry(scope.tx, conv.id, 'tag', tagId, null, actor);
      emitConversation(scope, 'conversation.untagged', conv, actor, { tagId });
    }
    await removeTagFromTemplates(scope.tx, tagId);
    await updateTagRow(scope.tx, tagId, { deletedAt: new Date() });
    scope.emit('tag.deleted', tagPayload(tag));
  });
}

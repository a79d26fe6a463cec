import type { TagKind } from '@parley/contracts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { checkLength, enforce } from '../conversations/conversations.policy.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import { deleteTagRow, insertTag, type TagRow, updateTagRow } from './tags.repo.ts';

/** Colour of a tag created without one. */
const DEFAULT_TAG_COLOR = '#868e96';

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
 * A supervisor removes a tag from the catalogue; it disappears from every conversation carrying it
 * (the catalogue defines which tags exist), without a change-log entry per conversation.
 */
export function deleteTag(events: Events, tagId: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const tag = await deleteTagRow(tx, tagId);
    if (!tag) throw notFound('Tag');
    emit('tag.deleted', tagPayload(tag));
  });
}

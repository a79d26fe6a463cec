import {
  type ConversationRow,
  findConversationById,
} from '../../modules/conversations/conversations.repo.ts';
import type { Orm } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';
import { ccaasNotFound } from '../errors.ts';

/** The conversation of a path id, or the reference's 404 `Invalid id '<id>' given!`. */
export async function findConversationOr404(orm: Orm, id: string): Promise<ConversationRow> {
  const row = isUuid(id) ? await findConversationById(orm, id) : undefined;
  if (!row) throw ccaasNotFound(id);
  return row;
}

import { type CcaasMessage, toCcaasDateTime } from '@parley/contracts';
import type { MessageRow } from '../../modules/messages/messages.repo.ts';
import { toCcaasContent } from './message-content.ts';

/** A message in Infobip's MessageApiResponse shape. */
export function toCcaasMessage(row: MessageRow): CcaasMessage {
  return {
    id: row.id,
    channel: row.channel,
    from: row.fromAddress,
    to: row.toAddress,
    direction: row.direction,
    conversationId: row.conversationId,
    ...(row.authorUserId !== null && { authorId: row.authorUserId }),
    authorType: row.authorKind,
    createdAt: toCcaasDateTime(row.createdAt),
    updatedAt: toCcaasDateTime(row.updatedAt),
    content: toCcaasContent(row.contentType, row.content),
    contentType: row.contentType,
  };
}

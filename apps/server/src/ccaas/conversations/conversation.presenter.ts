import { type CcaasConversation, toCcaasDateTime } from '@parley/contracts';
import type { ConversationRow } from '../../modules/conversations/conversations.repo.ts';

/** A conversation in Infobip's ConversationApiModel shape; fields without a value are left out. */
export function toCcaasConversation(row: ConversationRow): CcaasConversation {
  return {
    id: row.id,
    topic: row.topic,
    ...(row.summary !== null && { summary: row.summary }),
    status: row.status,
    priority: row.priority,
    ...(row.queueId !== null && { queueId: row.queueId }),
    ...(row.assigneeUserId !== null && { agentId: row.assigneeUserId }),
    createdAt: toCcaasDateTime(row.createdAt),
    updatedAt: toCcaasDateTime(row.updatedAt),
    ...(row.closedAt !== null && { closedAt: toCcaasDateTime(row.closedAt) }),
  };
}

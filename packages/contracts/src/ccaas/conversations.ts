import { z } from 'zod';
import { CONVERSATION_STATUSES, PRIORITIES } from '../conversations-enums.ts';
import { LIMITS } from '../limits.ts';
import { CcaasDateTime, CcaasPageQuery, CcaasPagination, repeatedQuery } from './common.ts';

// Infobip's ConversationApiModel and the requests around it (`/ccaas/1/conversations`).

/** Ids in bodies are opaque strings up to 255 characters in the reference; Parley's are UUIDs. */
const ReferenceId = z.string().max(255);

/** A conversation as Infobip shows it. Optional fields are left out when Parley has no value. */
export const CcaasConversation = z.object({
  /** Conversation id. */
  id: z.string(),
  /** Conversation topic. */
  topic: z.string(),
  /** Short description of the conversation. */
  summary: z.string().optional(),
  /** D2 status. */
  status: z.enum(CONVERSATION_STATUSES),
  /** D2 priority. */
  priority: z.enum(PRIORITIES),
  /** The queue the conversation belongs to. */
  queueId: z.string().optional(),
  /** The agent assigned to the conversation. */
  agentId: z.string().optional(),
  /** When the conversation was created, `2024-01-01T00:00:00.000+00:00`. */
  createdAt: z.string(),
  /** When the conversation last changed. */
  updatedAt: z.string(),
  /** When it was closed, for a CLOSED conversation. */
  closedAt: z.string().optional(),
});
export type CcaasConversation = z.infer<typeof CcaasConversation>;

/** POST /conversations: every field optional (no body at all is fine); status, when given, is applied after creation. */
export const CcaasCreateConversationBody = z.preprocess(
  // A request without a body arrives as null.
  (body) => body ?? {},
  z.object({
    /** Conversation topic; Parley's default topic when absent. */
    topic: z.string().max(LIMITS.topic).optional(),
    /** Short description. */
    summary: z.string().max(LIMITS.summary).optional(),
    /** Initial status (default OPEN). */
    status: z.enum(CONVERSATION_STATUSES).optional(),
    /** Priority (default NORMAL). */
    priority: z.enum(PRIORITIES).optional(),
    /** Queue id (default: the Default queue). */
    queueId: ReferenceId.optional(),
    /** Agent to assign at once. */
    agentId: ReferenceId.optional(),
  }),
);
export type CcaasCreateConversationBody = z.infer<typeof CcaasCreateConversationBody>;

/** PUT /conversations/{id}: absent summary, priority, queue and agent are cleared or reset; absent topic and status stay. */
export const CcaasUpdateConversationBody = CcaasCreateConversationBody;
export type CcaasUpdateConversationBody = z.infer<typeof CcaasUpdateConversationBody>;

/** PATCH /conversations/{id}: only the fields sent change. */
export const CcaasPatchConversationBody = CcaasCreateConversationBody;
export type CcaasPatchConversationBody = z.infer<typeof CcaasPatchConversationBody>;

/** GET /conversations filters (all optional, combined with AND) and paging. */
export const CcaasConversationListQuery = CcaasPageQuery.extend({
  /** Only these conversations. */
  conversationIds: repeatedQuery(z.string()),
  /** Only conversations in these queues. */
  queueIds: repeatedQuery(z.string()),
  /** Only conversations carrying one of these tags. */
  tagNames: repeatedQuery(z.string()),
  /** Only conversations assigned to this agent. */
  agentId: z.string().optional(),
  /** Only this status. */
  status: z.enum(CONVERSATION_STATUSES).optional(),
  /** Only this priority. */
  priority: z.enum(PRIORITIES).optional(),
  createdAfter: CcaasDateTime.optional(),
  createdBefore: CcaasDateTime.optional(),
  updatedAfter: CcaasDateTime.optional(),
  updatedBefore: CcaasDateTime.optional(),
  closedAfter: CcaasDateTime.optional(),
  closedBefore: CcaasDateTime.optional(),
});
export type CcaasConversationListQuery = z.infer<typeof CcaasConversationListQuery>;

/** Fields a conversation list can be ordered by. */
export const CCAAS_CONVERSATION_ORDER_FIELDS = [
  'createdAt',
  'updatedAt',
  'closedAt',
  'status',
  'priority',
  'topic',
] as const;

/** A page of conversations. */
export const CcaasConversationPage = z.object({
  conversations: z.array(CcaasConversation),
  pagination: CcaasPagination,
});
export type CcaasConversationPage = z.infer<typeof CcaasConversationPage>;

/** PUT /conversations/{id}/assignee. */
export const CcaasAssignBody = z.object({
  /** The agent to assign. */
  agentId: ReferenceId,
});

/** Path parameters of every conversation sub-resource. */
export const CcaasConversationParams = z.object({ conversationId: z.string() });

/** Infobip's `{statusCode, message}` acknowledgement of operations that return no entity. */
export const CcaasStatusResponse = z.object({
  /** SUCCESS (errors use the error envelope instead). */
  statusCode: z.enum(['SUCCESS', 'ERROR']),
  /** What was done. */
  message: z.string(),
});
export type CcaasStatusResponse = z.infer<typeof CcaasStatusResponse>;

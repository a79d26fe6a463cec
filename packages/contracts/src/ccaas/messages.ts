import { z } from 'zod';
import { AUTHOR_KINDS, MESSAGE_DIRECTIONS } from '../conversations-enums.ts';
import { CcaasDateTime, CcaasPageQuery, CcaasPagination, repeatedQuery } from './common.ts';

/** A message as Infobip's MessageApiResponse shows it. */
export const CcaasMessage = z.object({
  /** Message id. */
  id: z.string(),
  /** The channel it travelled on. */
  channel: z.string(),
  /** Sender address: the customer's on INBOUND, ours on OUTBOUND. */
  from: z.string(),
  /** Destination address. */
  to: z.string(),
  direction: z.enum(MESSAGE_DIRECTIONS),
  conversationId: z.string(),
  /** The agent who wrote an AGENT message. */
  authorId: z.string().optional(),
  authorType: z.enum(AUTHOR_KINDS),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Content by type: TEXT `text`; IMAGE/VIDEO/AUDIO/DOCUMENT `url`, `caption`; LOCATION `latitude`, `longitude`, `locationName`, `address`; TEMPLATE `templateName`, `language`, `parameters`. */
  content: z.record(z.string(), z.unknown()),
  contentType: z.string(),
});
export type CcaasMessage = z.infer<typeof CcaasMessage>;

const NotBlank = z.string({ error: 'must not be blank' }).trim().min(1, 'must not be blank');

/**
 * POST /conversations/{id}/messages. Channel and content type are the reference's free strings
 * here; the route refuses, with 400, those Parley does not carry.
 */
export const CcaasCreateMessageBody = z.object({
  channel: NotBlank,
  /** Our sender address on the channel. */
  from: NotBlank,
  /** The customer's address. */
  to: NotBlank,
  contentType: NotBlank,
  content: z.record(z.string(), z.unknown(), { error: 'must not be blank' }),
});
export type CcaasCreateMessageBody = z.infer<typeof CcaasCreateMessageBody>;

/** GET /conversations/{id}/messages filters and paging. */
export const CcaasMessageListQuery = CcaasPageQuery.extend({
  messageIds: repeatedQuery(z.string()),
  channel: z.string().optional(),
  direction: z.enum(MESSAGE_DIRECTIONS).optional(),
  createdAfter: CcaasDateTime.optional(),
  createdBefore: CcaasDateTime.optional(),
});
export type CcaasMessageListQuery = z.infer<typeof CcaasMessageListQuery>;

/** Fields a message list can be ordered by. */
export const CCAAS_MESSAGE_ORDER_FIELDS = ['createdAt', 'updatedAt'] as const;

/** A page of messages. */
export const CcaasMessagePage = z.object({ messages: z.array(CcaasMessage), pagination: CcaasPagination });

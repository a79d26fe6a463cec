import {
  AUTHOR_KINDS,
  type AuthorKind,
  CHANNELS,
  type Channel,
  DELIVERY_STATES,
  type DeliveryState,
  MESSAGE_CONTENT_TYPES,
  MESSAGE_DIRECTIONS,
  type MessageContentBody,
  type MessageContentType,
  type MessageDirection,
} from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { timestamptz } from '../../platform/db/columns.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { inList } from '../conversations/sql-in-list.ts';
import { users } from '../users/users.schema.ts';

/**
 * Message body; which fields are present depends on the content type (contracts
 * `MessageContentBody`): TEXT `text` (+ `subject` on e-mail) · IMAGE/VIDEO/AUDIO/DOCUMENT
 * `attachments` (or a provider `url`), `caption` · LOCATION `latitude`, `longitude`, `name`,
 * `address` · TEMPLATE `templateName`, `language`, `placeholders` (and the rendered `text`).
 */
export type MessageContent = z.infer<typeof MessageContentBody>;

/** Messages exchanged with the customer in a conversation (internal notes live in `notes`). */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull().$type<MessageDirection>(),
    channel: text('channel').notNull().$type<Channel>(),
    /** Sender address: the customer's on INBOUND, ours on OUTBOUND. */
    fromAddress: text('from_address').notNull(),
    /** Destination address: ours on INBOUND, the customer's on OUTBOUND. */
    toAddress: text('to_address').notNull(),
    authorKind: text('author_kind').notNull().$type<AuthorKind>(),
    /** The agent who wrote an AGENT message. */
    authorUserId: uuid('author_user_id').references(() => users.id),
    contentType: text('content_type').notNull().$type<MessageContentType>(),
    content: jsonb('content').notNull().$type<MessageContent>(),
    deliveryState: text('delivery_state').notNull().$type<DeliveryState>(),
    /** Why the message is FAILED, in the provider's words; null in every other state. */
    failureReason: text('failure_reason'),
    /** The provider's id: duplicates of an inbound webhook are recognised by it. */
    providerMessageId: text('provider_message_id'),
    /**
     * INBOUND: when the channel says the customer sent it (the provider's time), which starts the
     * WhatsApp and Messenger 24-hour reply windows; null when the channel gave none.
     */
    receivedAt: timestamptz('received_at'),
    /** The id the agent's browser chose, so a retried send is stored once. */
    clientId: uuid('client_id'),
    /** Send attempts of the current sending round (channels/outbound.jobs.ts); reset when it FAILs. */
    sendAttempts: integer('send_attempts').notNull().default(0),
    /**
     * Set while a send job holds the message (PENDING → SENDING): a second job never sends it
     * again, and a claim left by a process that died mid-send is failed, not resent.
     */
    sendClaimedAt: timestamptz('send_claimed_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('messages_conversation_created_idx').on(t.conversationId, t.createdAt, t.id),
    // The conversation list's search in message text (conversations.search.ts).
    index('messages_text_trgm_idx').using('gin', sql`(${t.content} ->> 'text') gin_trgm_ops`),
    uniqueIndex('messages_channel_provider_id_key').on(t.channel, t.providerMessageId),
    uniqueIndex('messages_conversation_client_id_key').on(t.conversationId, t.clientId),
    index('messages_send_claimed_idx').on(t.sendClaimedAt).where(sql`${t.sendClaimedAt} is not null`),
    // The minute sweep's "PENDING and held by no job" (message-sends.repo.ts) stays off the big table.
    index('messages_unclaimed_pending_idx')
      .on(t.createdAt)
      .where(
        sql`${t.direction} = 'OUTBOUND' and ${t.deliveryState} = 'PENDING' and ${t.sendClaimedAt} is null`,
      ),
    // Attachment downloads are allowed through the conversations of the messages that carry them.
    index('messages_attachments_idx')
      .using('gin', sql`(${t.content} -> 'attachments') jsonb_path_ops`)
      .where(sql`(${t.content} -> 'attachments') is not null`),
    check('messages_direction_check', sql`${t.direction} in ${inList(MESSAGE_DIRECTIONS)}`),
    check('messages_channel_check', sql`${t.channel} in ${inList(CHANNELS)}`),
    check('messages_author_kind_check', sql`${t.authorKind} in ${inList(AUTHOR_KINDS)}`),
    check('messages_content_type_check', sql`${t.contentType} in ${inList(MESSAGE_CONTENT_TYPES)}`),
    check('messages_delivery_state_check', sql`${t.deliveryState} in ${inList(DELIVERY_STATES)}`),
    check(
      'messages_customer_inbound_check',
      sql`(${t.authorKind} = 'CUSTOMER') = (${t.direction} = 'INBOUND')`,
    ),
    check('messages_agent_author_check', sql`${t.authorKind} <> 'AGENT' or ${t.authorUserId} is not null`),
  ],
);

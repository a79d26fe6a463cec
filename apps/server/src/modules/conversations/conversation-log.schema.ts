import {
  ACTOR_KINDS,
  type ActorKind,
  CONVERSATION_LOG_KINDS,
  type ConversationLogKind,
} from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../platform/db/columns.ts';
import { users } from '../users/users.schema.ts';
import { conversations } from './conversations.schema.ts';
import { inList } from './sql-in-list.ts';

/**
 * One side of a logged change. status/priority: the enum value; queue and tag: the id;
 * assignment: `{ userId }`. Null means "none" (unassigned, no queue; a tag added has from = null,
 * a tag removed has to = null).
 */
export type ConversationLogValue = string | { userId: string } | null;

/** D2 change log: every status, assignment, priority, tag and queue change, shown in the timeline. */
export const conversationLog = pgTable(
  'conversation_log',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().$type<ConversationLogKind>(),
    from: jsonb('from').$type<ConversationLogValue>(),
    to: jsonb('to').$type<ConversationLogValue>(),
    actorKind: text('actor_kind').notNull().$type<ActorKind>(),
    /** Set when a person (agent or supervisor) made the change. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('conversation_log_conversation_created_idx').on(t.conversationId, t.createdAt, t.id),
    check('conversation_log_kind_check', sql`${t.kind} in ${inList(CONVERSATION_LOG_KINDS)}`),
    check('conversation_log_actor_kind_check', sql`${t.actorKind} in ${inList(ACTOR_KINDS)}`),
    check(
      'conversation_log_actor_user_check',
      sql`(${t.actorKind} in ('agent', 'supervisor')) = (${t.actorUserId} is not null)`,
    ),
  ],
);

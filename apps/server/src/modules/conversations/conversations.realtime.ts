import type { Role } from '@parley/contracts';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import type { Audience } from '../../platform/realtime/types.ts';
import { users } from '../users/users.schema.ts';
import {
  presentSharedConversation,
  presentTimelineItem,
  type TimelineKey,
} from './conversations.presenter.ts';
import { findConversationById } from './conversations.repo.ts';
import { conversationAudience } from './conversations.visibility.ts';
import { READ_STATE_CHANGED, type ReadStateChanged, unreadCounts } from './read-state.service.ts';

// Item 7: every conversation change reaches the screens of exactly those allowed to see it (D4).
// Handlers run after commit and read the conversation as it is now, so a burst of changes never
// pushes a stale state last.

/** Conversation events whose change the lists and the open conversation must show. */
const CONVERSATION_EVENTS = [
  'conversation.created',
  'conversation.status_changed',
  'conversation.updated',
  'conversation.tagged',
  'conversation.untagged',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.queue_changed',
] as const;

/** Events that add or change a timeline entry, with the payload field naming it. */
const TIMELINE_EVENTS = [
  { type: 'message.received', item: 'message', idField: 'messageId', push: 'timeline.appended' },
  { type: 'message.created', item: 'message', idField: 'messageId', push: 'timeline.appended' },
  { type: 'note.created', item: 'note', idField: 'noteId', push: 'timeline.appended' },
  { type: 'message.updated', item: 'message', idField: 'messageId', push: 'timeline.updated' },
] as const;

/** The fields of conversation/message/note event payloads the handlers read. */
interface ConversationEventPayload {
  conversationId: string;
  messageId?: string;
  noteId?: string;
  /** Set when someone lost the assignment: they must see it leave their My Work. */
  previousAssigneeUserId?: string | null;
  /** On `conversation.queue_changed`: the queue it left (null: none), whose members must see it go. */
  from?: unknown;
}

/** Who sees the conversation now; undefined when it is gone. */
async function currentAudience(orm: Orm, conversationId: string) {
  const conv = await findConversationById(orm, conversationId);
  if (!conv) return undefined;
  return { conv, audience: await conversationAudience(orm, conv) };
}

/**
 * Users who could see the conversation before this change and cannot now: the previous assignee
 * and, on a queue change, the audience of the queue it left (every agent for the Default queue).
 */
async function lostSight(
  orm: Orm,
  event: DomainEvent,
  payload: ConversationEventPayload,
  now: Audience,
): Promise<string[]> {
  const userIds = new Set<string>();
  const roles = new Set<Role>();
  if (payload.previousAssigneeUserId) userIds.add(payload.previousAssigneeUserId);
  if (event.type === 'conversation.queue_changed' && payload.from !== undefined) {
    const from = typeof payload.from === 'string' ? payload.from : null;
    const before = await conversationAudience(orm, { queueId: from, assigneeUserId: null });
    for (const id of before.userIds ?? []) userIds.add(id);
    for (const role of before.roles ?? []) roles.add(role);
  }
  // Supervisors see everything, so they never lose sight of a conversation.
  roles.delete('supervisor');
  if (userIds.size === 0 && roles.size === 0) return [];
  const candidates = await orm
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.enabled, true),
        or(
          userIds.size ? inArray(users.id, [...userIds]) : undefined,
          roles.size ? sql`${users.roles} && ${`{${[...roles].join(',')}}`}::text[]` : undefined,
        ),
      ),
    );
  // The same rule the socket layer delivers by: a listed user id, or a held role.
  const seesNow = (u: { id: string; roles: Role[] }) =>
    (now.userIds ?? []).includes(u.id) || u.roles.some((r) => (now.roles ?? []).includes(r));
  return candidates.filter((u) => !seesNow(u)).map((u) => u.id);
}

/**
 * Pushes the conversation as it is now to those who see it; those who just lost sight of it get
 * only its id, so nothing of a conversation they may no longer see reaches them.
 */
async function publishConversationChanged(ctx: AppContext, event: DomainEvent): Promise<void> {
  const payload = event.payload as ConversationEventPayload;
  const target = await currentAudience(ctx.db.orm, payload.conversationId);
  if (!target) return;
  const removedFor = await lostSight(ctx.db.orm, event, payload, target.audience);
  if (removedFor.length > 0) {
    await ctx.realtime.publish(
      { userIds: removedFor },
      { type: 'conversation.removed', payload: { conversationId: target.conv.id } },
    );
  }
  const conversation = await presentSharedConversation(ctx.db, target.conv.id);
  await ctx.realtime.publish(target.audience, {
    type: 'conversation.changed',
    payload: { change: event.type, conversation },
  });
}

/** Registers the realtime pushes of conversations, timelines and read state. */
export function registerConversationsRealtime(ctx: AppContext): void {
  const { events, realtime, db } = ctx;

  for (const type of CONVERSATION_EVENTS) {
    events.on(type, (event) => publishConversationChanged(ctx, event));
  }

  for (const { type, item, idField, push } of TIMELINE_EVENTS) {
    events.on(type, async (event) => {
      const payload = event.payload as ConversationEventPayload;
      const id = payload[idField];
      const target = await currentAudience(db.orm, payload.conversationId);
      if (!id || !target) return;
      const key: TimelineKey = { type: item, id };
      const presented = await presentTimelineItem(db, key);
      await realtime.publish(target.audience, {
        type: push,
        payload: {
          conversationId: payload.conversationId,
          item: presented,
        },
      });
      // Pending, last customer message and the list preview moved with a new message.
      if (item === 'message' && push === 'timeline.appended') await publishConversationChanged(ctx, event);
    });
  }

  events.on(READ_STATE_CHANGED, async (event) => {
    const { conversationId, userId } = event.payload as ReadStateChanged;
    const unread = await unreadCounts(db.orm, [conversationId], userId);
    await realtime.publish(
      { userIds: [userId] },
      {
        type: 'conversation.read_state_changed',
        payload: { conversationId, unreadCount: unread.get(conversationId) ?? 0 },
      },
    );
  });
}

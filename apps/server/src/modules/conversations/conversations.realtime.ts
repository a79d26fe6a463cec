import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import type { Audience } from '../../platform/realtime/types.ts';
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
  /** On `message.updated` of a FAILED message: the provider's reason (not stored with the message). */
  failureReason?: string;
  /** Set when someone lost the assignment: they must see it leave their My Work. */
  previousAssigneeUserId?: string | null;
  /** On `conversation.queue_changed`: the queue it left, whose members must see it go. */
  from?: unknown;
}

function merge(a: Audience, b: Audience): Audience {
  return {
    roles: [...new Set([...(a.roles ?? []), ...(b.roles ?? [])])],
    userIds: [...new Set([...(a.userIds ?? []), ...(b.userIds ?? [])])],
  };
}

/** Who sees the conversation now, plus whoever just lost sight of it through this change. */
async function audienceFor(orm: Orm, event: DomainEvent, payload: ConversationEventPayload) {
  const conv = await findConversationById(orm, payload.conversationId);
  if (!conv) return undefined;
  let audience = await conversationAudience(orm, conv, [payload.previousAssigneeUserId]);
  if (event.type === 'conversation.queue_changed' && typeof payload.from === 'string') {
    audience = merge(
      audience,
      await conversationAudience(orm, { queueId: payload.from, assigneeUserId: null }),
    );
  }
  return { conv, audience };
}

async function publishConversationChanged(ctx: AppContext, event: DomainEvent): Promise<void> {
  const payload = event.payload as ConversationEventPayload;
  const target = await audienceFor(ctx.db.orm, event, payload);
  if (!target) return;
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
      const target = await audienceFor(db.orm, event, payload);
      if (!id || !target) return;
      const key: TimelineKey = { type: item, id };
      const presented = await presentTimelineItem(db, key);
      const entry =
        presented.type === 'message' && payload.failureReason !== undefined
          ? { ...presented, failureReason: payload.failureReason }
          : presented;
      await realtime.publish(target.audience, {
        type: push,
        payload: {
          conversationId: payload.conversationId,
          item: entry,
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

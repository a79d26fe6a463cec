import type { Role } from '@parley/contracts';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Orm } from '../../platform/db/client.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import type { Audience } from '../../platform/realtime/types.ts';
import { users } from '../users/users.schema.ts';
import {
  presentSharedConversations,
  presentTimelineItems,
  type SharedConversation,
  type TimelineKey,
} from './conversations.presenter.ts';
import type { ConversationRow } from './conversations.repo.ts';
import { conversations } from './conversations.schema.ts';
import { conversationAudience, conversationAudiences } from './conversations.visibility.ts';
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
  'conversation.merged',
] as const;

/** Events that add or change a timeline entry, with the payload field naming it. */
const TIMELINE_EVENTS = [
  { type: 'message.received', item: 'message', idField: 'messageId', push: 'timeline.appended' },
  { type: 'message.created', item: 'message', idField: 'messageId', push: 'timeline.appended' },
  { type: 'note.created', item: 'note', idField: 'noteId', push: 'timeline.appended' },
  { type: 'message.updated', item: 'message', idField: 'messageId', push: 'timeline.updated' },
] as const;

const TIMELINE_BY_TYPE = new Map<string, (typeof TIMELINE_EVENTS)[number]>(
  TIMELINE_EVENTS.map((t) => [t.type, t]),
);

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

/** A conversation as it is now and who sees it. */
interface Target {
  conv: ConversationRow;
  audience: Audience;
}

/** The conversations with these ids as they are now and their audiences, in three queries; gone ones are left out. */
async function currentTargets(orm: Orm, ids: readonly string[]): Promise<Map<string, Target>> {
  if (ids.length === 0) return new Map();
  const convs = await orm
    .select()
    .from(conversations)
    .where(inArray(conversations.id, [...ids]));
  const audiences = await conversationAudiences(orm, convs);
  return new Map(convs.map((conv, i) => [conv.id, { conv, audience: audiences[i] as Audience }]));
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

/** One realtime push: who receives it and what. */
type Push = Parameters<AppContext['realtime']['publish']>;

/**
 * The conversation as it is now for those who see it; those who just lost sight of it get only its
 * id, so nothing of a conversation they may no longer see reaches them.
 */
async function conversationChangedPushes(
  ctx: AppContext,
  event: DomainEvent,
  target: Target,
  conversation: SharedConversation,
): Promise<Push[]> {
  const payload = event.payload as ConversationEventPayload;
  const removedFor = await lostSight(ctx.db.orm, event, payload, target.audience);
  const changed: Push = [
    target.audience,
    { type: 'conversation.changed', payload: { change: event.type, conversation } },
  ];
  if (removedFor.length === 0) return [changed];
  return [
    [{ userIds: removedFor }, { type: 'conversation.removed', payload: { conversationId: target.conv.id } }],
    changed,
  ];
}

/**
 * The pushes of one dispatch's conversation and timeline events, in their order, as one event at
 * a time would make them; the conversations, their audiences and the timeline entries are loaded
 * once for the whole batch, so its cost does not grow with its size (a chunk of inbound messages).
 */
async function publishBatch(ctx: AppContext, events: readonly DomainEvent[]): Promise<void> {
  const { db, realtime } = ctx;
  const payloads = events.map((e) => e.payload as ConversationEventPayload);
  const targets = await currentTargets(db.orm, [...new Set(payloads.map((p) => p.conversationId))]);
  const keys: TimelineKey[] = [];
  for (const [i, event] of events.entries()) {
    const spec = TIMELINE_BY_TYPE.get(event.type);
    const id = spec && payloads[i]?.[spec.idField];
    if (spec && id) keys.push({ type: spec.item, id });
  }
  const [shared, items] = await Promise.all([
    presentSharedConversations(db, [...targets.keys()]),
    presentTimelineItems(db, keys),
  ]);
  const presented = new Map(shared.map((c) => [c.id, c]));
  const itemsByKey = new Map(items.map((item) => [`${item.type}:${item.id}`, item]));
  const pushes: Push[] = [];
  for (const [i, event] of events.entries()) {
    const { conversationId } = payloads[i] as ConversationEventPayload;
    const target = targets.get(conversationId);
    const conversation = presented.get(conversationId);
    if (!target || !conversation) continue;
    const spec = TIMELINE_BY_TYPE.get(event.type);
    if (spec) {
      const id = payloads[i]?.[spec.idField];
      const item = id && itemsByKey.get(`${spec.item}:${id}`);
      if (!item) continue;
      pushes.push([target.audience, { type: spec.push, payload: { conversationId, item } }]);
      // Pending, last customer message and the list preview moved with a new message.
      if (spec.item !== 'message' || spec.push !== 'timeline.appended') continue;
    }
    pushes.push(...(await conversationChangedPushes(ctx, event, target, conversation)));
  }
  // Each publish hands its message to the bus before returning, so starting them all at once keeps
  // their order on the Redis connection while their round trips overlap instead of queueing.
  await Promise.all(pushes.map((push) => realtime.publish(...push)));
}

/** Registers the realtime pushes of conversations, timelines and read state. */
export function registerConversationsRealtime(ctx: AppContext): void {
  const { events, realtime, db } = ctx;

  events.onBatch([...CONVERSATION_EVENTS, ...TIMELINE_BY_TYPE.keys()], (batch) => publishBatch(ctx, batch));

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

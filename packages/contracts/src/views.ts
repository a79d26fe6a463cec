import { z } from 'zod';
import { ConversationSort, ConversationView, PersonRef } from './conversations.ts';
import { Channel, ConversationStatus, Priority } from './conversations-enums.ts';

/** D5 custom views: `private` (only the creator sees it) or `global` (made by supervisors, seen by everyone). */
export const VIEW_SCOPES = ['private', 'global'] as const;
export const ViewScope = z.enum(VIEW_SCOPES);
export type ViewScope = z.infer<typeof ViewScope>;

const ids = z.array(z.uuid()).max(100);

/**
 * What a saved view stores: the ALL WORK list filters and sort of `GET /api/conversations`
 * (ConversationListQuery without the page cursor and size), as plain JSON, so opening the view is
 * that list query.
 */
export const ViewFilters = z
  .object({
    view: ConversationView.default('all'),
    status: z.array(ConversationStatus).max(100).optional(),
    priority: z.array(Priority).max(100).optional(),
    channel: z.array(Channel).max(100).optional(),
    queueId: ids.optional(),
    assigneeId: ids.optional(),
    customerId: z.uuid().optional(),
    tag: ids.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    pendingLongerThanSeconds: z.number().int().min(0).optional(),
    createdFrom: z.iso.datetime({ offset: true }).optional(),
    createdTo: z.iso.datetime({ offset: true }).optional(),
    sort: ConversationSort.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .refine((q) => q.view !== 'queue' || (q.queueId?.length ?? 0) > 0, {
    message: 'view=queue needs queueId',
    path: ['queueId'],
  });
export type ViewFilters = z.infer<typeof ViewFilters>;

/** Characters of a view name. */
export const VIEW_NAME_MAX = 100;
const ViewName = z.string().trim().min(1).max(VIEW_NAME_MAX);

/** A saved view as the caller sees it. */
export const SavedView = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: ViewScope,
  filters: ViewFilters,
  createdBy: PersonRef,
  /** Whether the caller may rename, change or delete it (the owner of a private view; supervisors for global ones). */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;

/** Global views first, then the caller's private ones, each by name. */
export const SavedViewList = z.object({ items: z.array(SavedView) });
export type SavedViewList = z.infer<typeof SavedViewList>;

/** `POST /api/views`; `global` needs the supervisor role; at most LIMITS.privateViewsPerUser private views per user. */
export const CreateViewRequest = z.object({ name: ViewName, scope: ViewScope, filters: ViewFilters });
export type CreateViewRequest = z.infer<typeof CreateViewRequest>;

/** `PATCH /api/views/:id`: rename and/or replace the filters. The scope stays what it was made with. */
export const UpdateViewRequest = z
  .object({ name: ViewName.optional(), filters: ViewFilters.optional() })
  .refine((b) => b.name !== undefined || b.filters !== undefined, { message: 'Nothing to change' });
export type UpdateViewRequest = z.infer<typeof UpdateViewRequest>;

/** Counting stops above this many: the sidebar shows "10k+" instead of an exact figure. */
export const VIEW_COUNT_CAP = 10_000;

/** A sidebar count; `capped` means "more than `count`" (count is then VIEW_COUNT_CAP). */
export const ViewCount = z.object({ count: z.number().int().nonnegative(), capped: z.boolean() });
export type ViewCount = z.infer<typeof ViewCount>;

/** `GET /api/views/counts`: what the ALL WORK sidebar shows, counted over what the caller may see (D4). */
export const ViewCounts = z.object({
  predefined: z.object({
    /** Non-closed without an assigned agent (as the `unassigned` list; bot-held ones included). */
    unassigned: ViewCount,
    /** Non-closed, any queue. */
    all: ViewCount,
    /** Everything, closed included. */
    history: ViewCount,
    /** Held by a bot (a live bot session). */
    allBots: ViewCount,
  }),
  /** Every saved view the caller sees, in SavedViewList order. */
  views: z.array(ViewCount.extend({ viewId: z.uuid() })),
  /** The caller's queues (members' queues and the Default queue for agents, every queue for supervisors): non-closed conversations in each. */
  queues: z.array(ViewCount.extend({ queueId: z.uuid(), name: z.string() })),
});
export type ViewCounts = z.infer<typeof ViewCounts>;

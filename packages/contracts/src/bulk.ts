import { z } from 'zod';
import { ConversationStatus, Priority } from './conversations-enums.ts';
import { ErrorCode } from './errors.ts';
import { ViewFilters } from './views.ts';

/** Conversations one bulk request may name by id (a selection the browser made). */
export const BULK_IDS_MAX = 500;
/** Conversations an "all matching" bulk request may change; a wider filter is refused (`limit_exceeded`). */
export const BULK_FILTER_MAX = 10_000;

/** What to do to each selected conversation; D2/D3 rules apply to each one as if done alone. */
export const BulkAction = z.discriminatedUnion('type', [
  /** Assign to this agent, or unassign with null. */
  z.object({ type: z.literal('reassign'), userId: z.uuid().nullable() }),
  z.object({ type: z.literal('priority'), priority: Priority }),
  z.object({ type: z.literal('status'), status: ConversationStatus }),
  /** Move to this queue; null = the Default queue. */
  z.object({ type: z.literal('queue'), queueId: z.uuid().nullable() }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

/**
 * `POST /api/conversations/bulk`: either the selected `ids` (at most BULK_IDS_MAX) or `filter`, "all
 * conversations matching" a list query, which the server resolves itself (at most BULK_FILTER_MAX).
 */
export const BulkActionRequest = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(BULK_IDS_MAX), action: BulkAction }),
  z.strictObject({ filter: ViewFilters, action: BulkAction }),
]);
export type BulkActionRequest = z.infer<typeof BulkActionRequest>;

/** A conversation the action was refused for, and why (the code and message a single change would get). */
export const BulkRefusal = z.object({
  conversationId: z.uuid(),
  /** Null when the conversation does not exist or the caller may not see it. */
  number: z.number().int().nullable(),
  code: ErrorCode,
  message: z.string(),
});
export type BulkRefusal = z.infer<typeof BulkRefusal>;

/** The outcome: `matched` = changed + already as asked + refused. Refusals are ordered by number. */
export const BulkActionResult = z.object({
  matched: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  refused: z.array(BulkRefusal),
});
export type BulkActionResult = z.infer<typeof BulkActionResult>;

import { z } from 'zod';

/** Stable, snake_case error codes returned by every Parley API. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_token_invalid',
  'not_found',
  'conflict',
  'invalid_credentials',
  'user_disabled',
  'session_expired',
  'rate_limited',
  'setup_already_done',
  'email_taken',
  'last_admin',
  'conversation_closed',
  'assignment_forbidden',
  'assignee_not_in_queue',
  'queue_change_forbidden',
  'reply_forbidden',
  'merge_forbidden',
  'attribute_not_editable',
  'channel_unavailable',
  'whatsapp_window_closed',
  'whatsapp_template_not_approved',
  'messenger_tag_required',
  'instagram_window_closed',
  'customer_must_write_first',
  'message_not_failed',
  'secrets_required',
  'limit_exceeded',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'internal_error',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The error envelope of the web app API (`/api`). */
export const ErrorBody = z.object({
  error: z.object({
    /** Stable machine-readable code. */
    code: ErrorCode,
    /** Human-readable explanation, safe to show to a user. */
    message: z.string(),
    /** Optional structured details (for example the failing fields). */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

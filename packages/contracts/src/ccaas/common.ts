import { z } from 'zod';

// Shapes shared by every `/ccaas/1` operation, as the Infobip Conversations API defines them.

/** Infobip's error envelope: `requestError.serviceException` with an UPPER_CASE messageId. */
export const CcaasErrorBody = z.object({
  requestError: z.object({
    serviceException: z.object({
      /** BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, TOO_MANY_REQUESTS or GENERAL_ERROR. */
      messageId: z.string(),
      /** Human-readable explanation. */
      text: z.string(),
      /** Failing request fields, each with its messages. */
      validationErrors: z.record(z.string(), z.array(z.string())).optional(),
    }),
  }),
});
export type CcaasErrorBody = z.infer<typeof CcaasErrorBody>;

/** The largest page the reference allows. */
export const CCAAS_MAX_LIMIT = 999;
/** The page size when none is asked for. */
export const CCAAS_DEFAULT_LIMIT = 10;

/** `page`/`limit`/`orderBy` query parameters of every list operation. */
export const CcaasPageQuery = z.object({
  /** Zero-based page number. */
  page: z.coerce.number().int().min(0, 'Page number has to be bigger or equal to zero!').default(0),
  /** Page size, at most 999. */
  limit: z.coerce
    .number()
    .int()
    .min(0, 'Page size has to be bigger or equal to zero!')
    .max(CCAAS_MAX_LIMIT, `Page size has to be less or equal to ${CCAAS_MAX_LIMIT}!`)
    .default(CCAAS_DEFAULT_LIMIT),
  /** `field:asc` or `field:desc` (comma-separated for several); the default is `id:asc`. */
  orderBy: z.string().max(200).optional(),
});
export type CcaasPageQuery = z.infer<typeof CcaasPageQuery>;

/** The `pagination` block of every result page. */
export const CcaasPagination = z.object({
  /** Items matching the filters, over all pages. */
  totalItems: z.number().int(),
  /** The page returned (zero-based). */
  page: z.number().int(),
  /** The page size used. */
  limit: z.number().int(),
  /** The order applied, as `field:ASC`. */
  orderBy: z.string(),
});
export type CcaasPagination = z.infer<typeof CcaasPagination>;

/** A query parameter that may be repeated (`?tagNames=a&tagNames=b`): always an array once parsed. */
export const repeatedQuery = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item)).optional();

/** Date-time query filters: ISO 8601 with an offset (the reference writes `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`). */
export const CcaasDateTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(normalizeOffset(v))), 'must be a date-time')
  .transform((v) => new Date(normalizeOffset(v)));

/**
 * `+0000` → `+00:00`, so Date.parse accepts the reference's offset spelling; a space before the
 * offset is a `+` that arrived unencoded in the query string.
 */
function normalizeOffset(v: string): string {
  return v.replace(/ (\d{2}:?\d{2})$/, '+$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** Infobip writes times as `2024-01-01T00:00:00.000+00:00`. */
export function toCcaasDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

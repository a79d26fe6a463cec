import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { ViewFilters } from './views.ts';

/** D9 transcript file formats: plain text or an Excel workbook. */
export const TRANSCRIPT_FORMATS = ['txt', 'xlsx'] as const;
export const TranscriptFormat = z.enum(TRANSCRIPT_FORMATS);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;

/** `GET /api/conversations/:id/transcript`: a .zip holding the conversation's transcript. */
export const TranscriptQuery = z.object({
  format: TranscriptFormat.default('txt'),
  /** Include internal notes; only supervisors may (D9). */
  notes: z.stringbool().default(false),
});
export type TranscriptQuery = z.infer<typeof TranscriptQuery>;

const TranscriptOptions = {
  format: TranscriptFormat.default('txt'),
  /** Include internal notes; only supervisors may (D9). */
  notes: z.boolean().default(false),
};

/**
 * `POST /api/conversations/transcripts`: a .zip of one transcript per conversation, for the selected
 * `ids` or all conversations matching `filter`; at most LIMITS.bulkDownload either way (D11).
 */
export const BulkTranscriptRequest = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(LIMITS.bulkDownload), ...TranscriptOptions }),
  z.strictObject({ filter: ViewFilters, ...TranscriptOptions }),
]);
export type BulkTranscriptRequest = z.infer<typeof BulkTranscriptRequest>;

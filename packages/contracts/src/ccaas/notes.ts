import { z } from 'zod';
import { CcaasPageQuery, CcaasPagination } from './common.ts';

/** An internal note as Infobip's NoteApiResponse shows it. */
export const CcaasNote = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** The author agent. */
  agentId: z.string(),
  /** The note text. */
  content: z.string(),
  /** Parley keeps INTERNAL notes only. */
  type: z.literal('INTERNAL'),
  createdAt: z.string(),
  /** Notes are not edited, so this is the creation time. */
  updatedAt: z.string(),
});
export type CcaasNote = z.infer<typeof CcaasNote>;

/**
 * POST /conversations/{id}/notes. `content` is the text, or `{text}` as in the reference's second
 * example; the author is `agentId`, else the `x-agent-id` header.
 */
export const CcaasCreateNoteBody = z.object({
  type: z.enum(['INTERNAL', 'ATTACHMENT']).default('INTERNAL'),
  content: z.union([z.string(), z.object({ text: z.string() }).passthrough()], {
    error: 'must not be blank',
  }),
  agentId: z.string().max(255).optional(),
});
export type CcaasCreateNoteBody = z.infer<typeof CcaasCreateNoteBody>;

/** Fields a note list can be ordered by. */
export const CCAAS_NOTE_ORDER_FIELDS = ['createdAt', 'updatedAt'] as const;

/** GET /conversations/{id}/notes: paging only. */
export const CcaasNoteListQuery = CcaasPageQuery;

/** A page of notes. */
export const CcaasNotePage = z.object({ notes: z.array(CcaasNote), pagination: CcaasPagination });

/** Path of one note. */
export const CcaasNoteParams = z.object({ conversationId: z.string(), noteId: z.string() });

import type { Readable } from 'node:stream';
import { LIMITS, type TranscriptFormat, type ViewFilters } from '@parley/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { resolveFilterIds } from '../bulk/bulk-selection.ts';
import { seesEverything, type Viewer } from '../conversations/conversations.visibility.ts';
import { findVisibleTranscriptHeaders, type TranscriptHeader } from './transcripts.repo.ts';
import { transcriptsZip } from './transcripts.writers.ts';

/** What to download: conversations by id (as selected) or all matching a list filter. */
export type TranscriptSelection = { ids: readonly string[] } | { filter: ViewFilters };

export interface TranscriptDownload {
  /** Suggested file name of the .zip. */
  fileName: string;
  zip: Readable;
}

/** D9: internal notes go into transcripts only when a supervisor asks for them. */
function ensureMayIncludeNotes(viewer: Viewer, includeNotes: boolean): void {
  if (includeNotes && !seesEverything(viewer)) throw forbidden('Only supervisors download internal notes');
}

/**
 * The headers of the selected conversations, in selection order; one the viewer cannot see is a 404
 * for the whole download (nothing has been sent yet), so no file is silently missing from the .zip.
 */
async function loadHeaders(
  ctx: Pick<AppContext, 'db'>,
  viewer: Viewer,
  selection: TranscriptSelection,
): Promise<TranscriptHeader[]> {
  const ids =
    'ids' in selection
      ? [...new Set(selection.ids)]
      : await resolveFilterIds(ctx.db.orm, selection.filter, viewer, { max: LIMITS.bulkDownload });
  const found = new Map(
    (await findVisibleTranscriptHeaders(ctx.db.orm, ids, viewer)).map((header) => [header.id, header]),
  );
  return ids.map((id) => {
    const header = found.get(id);
    if (!header) throw notFound('Conversation');
    return header;
  });
}

const stamp = (date: Date) => date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/**
 * Checks the request and starts the streamed .zip of transcripts (at most LIMITS.bulkDownload
 * conversations). Everything that can refuse the download runs before the first byte.
 */
export async function downloadTranscripts(
  ctx: Pick<AppContext, 'db'>,
  viewer: Viewer,
  selection: TranscriptSelection,
  options: { format: TranscriptFormat; notes: boolean },
): Promise<TranscriptDownload> {
  ensureMayIncludeNotes(viewer, options.notes);
  const headers = await loadHeaders(ctx, viewer, selection);
  const [only] = headers;
  const fileName =
    headers.length === 1 && only
      ? `conversation-${only.number}-transcript.zip`
      : `transcripts-${stamp(new Date())}.zip`;
  return { fileName, zip: transcriptsZip(ctx.db.orm, headers, options.format, options.notes) };
}

import type { AttachmentRef, VisitorMessage } from '@parley/contracts';
import { clientIdOf } from './inbound.ts';
import type { AttachmentUrls } from './uploads.ts';
import type { VisitorMessageRow } from './visitor-messages.repo.ts';

/** The file a message shows the visitor: its first attachment. */
const fileOf = (row: VisitorMessageRow): AttachmentRef | undefined => row.content.attachments?.[0];

/** Messages as the widget shows them: who wrote each, its text and its file (signed link). */
export async function presentVisitorMessages(
  rows: readonly VisitorMessageRow[],
  visitorId: string,
  urlsOf: AttachmentUrls,
): Promise<VisitorMessage[]> {
  const urls = await urlsOf(rows.flatMap((row) => fileOf(row) ?? []));
  return rows.map((row) => presentVisitorMessage(row, visitorId, urls));
}

function presentVisitorMessage(
  row: VisitorMessageRow,
  visitorId: string,
  urls: Map<string, string>,
): VisitorMessage {
  const file = fileOf(row);
  return {
    id: row.id,
    clientId: row.direction === 'INBOUND' ? clientIdOf(row.providerMessageId, visitorId) : null,
    author: row.direction === 'INBOUND' ? 'visitor' : 'agent',
    agentName: row.authorKind === 'AGENT' ? row.agentName : null,
    text: row.content.text ?? row.content.caption ?? '',
    attachment: file
      ? { url: urls.get(file.id) ?? '', fileName: file.fileName, mimeType: file.mimeType }
      : null,
    createdAt: row.createdAt.toISOString(),
  };
}

import type { Attachment } from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import type { AttachmentMeta } from './attachments.repo.ts';

export function presentAttachment(meta: AttachmentMeta): Attachment {
  return {
    id: meta.id,
    fileName: meta.fileName,
    mimeType: meta.mimeType,
    size: meta.sizeBytes,
    createdAt: meta.createdAt.toISOString(),
  };
}

// Pictures, sound and video are shown in the page; anything else is only ever saved, so a file can
// never run as a page of Parley's origin.
const INLINE = /^(image|audio|video)\//;

/** Sends a stored file with headers that keep browsers from interpreting it as anything else. */
export function sendFile(reply: FastifyReply, meta: AttachmentMeta, content: Buffer, cache: string) {
  const disposition = INLINE.test(meta.mimeType) ? 'inline' : 'attachment';
  return reply
    .header('content-type', meta.mimeType)
    .header('content-length', content.length)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache)
    .header('etag', `"${meta.sha256}"`)
    .send(content);
}

import { z } from 'zod';

/**
 * File types Parley stores (uploads and inbound media). The server checks the file's first bytes,
 * so a file claiming one of these types must really be one.
 */
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/3gpp',
  'audio/mpeg',
  'audio/ogg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/wav',
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'text/plain',
  'text/csv',
] as const;
export const AttachmentMimeType = z.enum(ATTACHMENT_MIME_TYPES);
export type AttachmentMimeType = z.infer<typeof AttachmentMimeType>;

/** A stored file as message content references it (`content.attachments`). */
export const AttachmentRef = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** `POST /api/attachments` answer: the stored file, to put into a message's `attachments`. */
export const Attachment = AttachmentRef.extend({
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/** `POST /api/attachments?fileName=…`: the body is the file itself, its type in Content-Type. */
export const UploadAttachmentQuery = z.object({
  fileName: z.string().trim().min(1).max(255),
});
export type UploadAttachmentQuery = z.infer<typeof UploadAttachmentQuery>;

/**
 * The message content type a stored file goes out as, by its type: a picture, a clip, a sound, or
 * any other file as a document. The server and the web app's pending copy decide the same way.
 */
export function contentTypeOfFile(mimeType: string): 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT' {
  if (mimeType.startsWith('image/')) return 'IMAGE';
  if (mimeType.startsWith('video/')) return 'VIDEO';
  if (mimeType.startsWith('audio/')) return 'AUDIO';
  return 'DOCUMENT';
}

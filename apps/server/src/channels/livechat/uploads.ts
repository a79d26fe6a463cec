import type { AttachmentRef } from '@parley/contracts';
import { and, eq, like } from 'drizzle-orm';
import { attachments } from '../../modules/attachments/attachments.schema.ts';
import {
  maxAttachmentBytes,
  signedUrlOfRef,
  storeAttachment,
} from '../../modules/attachments/attachments.service.ts';
import { sniffMimeType } from '../../modules/attachments/attachments.sniff.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Widget } from './widgets.ts';

// Visitors' files live in the attachment store like every channel's media: stored for the widget's
// connection with a source key naming the visitor, which is how a message may only attach the
// visitor's own uploads.

const sourceKeyOf = (visitorId: string) => `visitor:${visitorId}:${crypto.randomUUID()}`;
const ownedBy = (visitorId: string) => `visitor:${visitorId}:%`;

/**
 * Signed URLs of stored files, as paths (`/attachments/public/…?expires&signature`): the widget
 * puts them after the address it loaded Parley from, so they work without PUBLIC_URL and behind a
 * proxy path. They last a day, and every read of the chat signs afresh.
 */
export type AttachmentUrls = (refs: readonly AttachmentRef[]) => Promise<Map<string, string>>;

export interface VisitorUploads {
  /** Largest file a visitor may upload (ATTACHMENT_MAX_MB). */
  maxBytes: number;
  /**
   * Stores a visitor's file. Only allow-listed types (sniffed from the bytes, as for agents'
   * uploads): a visitor's file is refused with 415 rather than kept as an opaque download.
   */
  store(
    widget: Widget,
    visitorId: string,
    file: { fileName: string; declaredType: string | undefined; bytes: Buffer },
  ): Promise<AttachmentRef>;
  /** The visitor's own upload on this widget, or undefined (someone else's, or unknown). */
  find(widget: Widget, visitorId: string, attachmentId: string): Promise<AttachmentRef | undefined>;
  urls: AttachmentUrls;
}

export function createVisitorUploads(ctx: AppContext): VisitorUploads {
  const { orm } = ctx.db;
  return {
    maxBytes: maxAttachmentBytes(ctx.config),

    async store(widget, visitorId, file) {
      if (file.bytes.length === 0)
        throw new AppError('validation_failed', 400, 'Send the file as the request body');
      if (!sniffMimeType(file.bytes, file.declaredType ?? '', file.fileName)) {
        throw new AppError(
          'unsupported_media_type',
          415,
          'This kind of file cannot be sent (allowed: images, audio, video, PDF, Office documents, text)',
        );
      }
      return storeAttachment(orm, ctx.config, {
        bytes: file.bytes,
        fileName: file.fileName,
        declaredType: file.declaredType ?? '',
        connectionId: widget.connectionId,
        sourceKey: sourceKeyOf(visitorId),
      });
    },

    async find(widget, visitorId, attachmentId) {
      const [row] = await orm
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          mimeType: attachments.mimeType,
          size: attachments.sizeBytes,
        })
        .from(attachments)
        .where(
          and(
            eq(attachments.id, attachmentId),
            eq(attachments.connectionId, widget.connectionId),
            like(attachments.sourceKey, ownedBy(visitorId)),
          ),
        );
      return row;
    },

    async urls(refs) {
      const urls = new Map<string, string>();
      for (const ref of refs) {
        if (urls.has(ref.id)) continue;
        const signed = new URL(await signedUrlOfRef(orm, ctx.config, ref));
        urls.set(ref.id, `${signed.pathname}${signed.search}`);
      }
      return urls;
    },
  };
}

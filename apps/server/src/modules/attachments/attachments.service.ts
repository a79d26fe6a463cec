import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AttachmentRef } from '@parley/contracts';
import type { Config } from '../../platform/config.ts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Viewer } from '../conversations/conversations.visibility.ts';
import {
  type AttachmentMeta,
  findAttachmentMeta,
  insertAttachment,
  isAttachmentOfVisibleMessage,
} from './attachments.repo.ts';
import { sniffMimeType } from './attachments.sniff.ts';

/** Stored for inbound media whose bytes are none of the allow-listed types: served only as a download. */
export const UNKNOWN_MIME_TYPE = 'application/octet-stream';

/** How long a signed public URL works unless the caller asks otherwise: long enough for a provider's fetch and retries. */
export const DEFAULT_PUBLIC_URL_TTL_SECONDS = 24 * 60 * 60;

export interface StoreAttachmentInput {
  bytes: Buffer;
  fileName: string;
  /** The type the sender claimed; only used to tell formats of one container apart. */
  declaredType: string;
  /** The agent who uploads it. */
  uploadedByUserId?: string;
  /** Inbound media: the connection it arrived on and the provider's id of the file. */
  connectionId?: string;
  sourceKey?: string;
}

export const maxAttachmentBytes = (config: Pick<Config, 'ATTACHMENT_MAX_MB'>) =>
  Math.floor(config.ATTACHMENT_MAX_MB * 1024 * 1024);

// Names come from customers' and agents' devices: keep them printable and short, and never a path.
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const printable = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return printable.slice(0, 255) || 'file';
}

/** What message content keeps of a stored file (`content.attachments`). */
export function attachmentRef(meta: AttachmentMeta): AttachmentRef {
  return { id: meta.id, fileName: meta.fileName, mimeType: meta.mimeType, size: meta.sizeBytes };
}

/**
 * Stores a file: an agent's upload (refused with 415 unless its bytes are an allow-listed type,
 * 413 above ATTACHMENT_MAX_MB) or a customer's media from an adapter (`connectionId` + `sourceKey`:
 * storing the same media again returns the stored file; a type outside the allow-list is kept as
 * application/octet-stream and only ever downloaded, so the customer's file is never lost).
 */
export async function storeAttachment(
  orm: Orm,
  config: Pick<Config, 'ATTACHMENT_MAX_MB'>,
  input: StoreAttachmentInput,
): Promise<AttachmentRef> {
  if (input.bytes.length > maxAttachmentBytes(config)) {
    throw new AppError('payload_too_large', 413, `Files may be at most ${config.ATTACHMENT_MAX_MB} MB`);
  }
  const fileName = cleanFileName(input.fileName);
  const sniffed = sniffMimeType(input.bytes, input.declaredType, fileName);
  const inbound = input.connectionId !== undefined;
  if (sniffed === undefined && !inbound) {
    throw new AppError(
      'unsupported_media_type',
      415,
      'This kind of file cannot be attached (allowed: images, audio, video, PDF, Office documents, text)',
    );
  }
  const meta = await insertAttachment(orm, {
    fileName,
    mimeType: sniffed ?? UNKNOWN_MIME_TYPE,
    sizeBytes: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    content: input.bytes,
    uploadedByUserId: input.uploadedByUserId ?? null,
    connectionId: input.connectionId ?? null,
    sourceKey: input.sourceKey ?? null,
    urlKey: randomBytes(32).toString('base64url'),
  });
  return attachmentRef(meta);
}

/** An attachment's metadata (no bytes), e.g. to check a reference an agent sends; 404 when unknown. */
export async function getAttachment(orm: Orm, id: string): Promise<AttachmentMeta> {
  const meta = await findAttachmentMeta(orm, id);
  if (!meta) throw notFound('Attachment');
  return meta;
}

/**
 * Loads an attachment the viewer may download: their own upload, or a file of a message in a
 * conversation they may see (D4). Anything else is 404, like a missing one.
 */
export async function loadDownloadableAttachment(
  orm: Orm,
  id: string,
  viewer: Viewer,
): Promise<AttachmentMeta> {
  const meta = await findAttachmentMeta(orm, id);
  if (
    meta &&
    (meta.uploadedByUserId === viewer.userId || (await isAttachmentOfVisibleMessage(orm, id, viewer)))
  ) {
    return meta;
  }
  throw notFound('Attachment');
}

// The key is the attachment's own: a signature is worth nothing for any other file.
function signature(urlKey: string, id: string, expires: number): string {
  return createHmac('sha256', urlKey).update(`${id}:${expires}`).digest('base64url');
}

/** Where providers reach Parley: PUBLIC_URL, else this machine's loopback address (local fakes, the sandbox). */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '');
}

/** Path of the public download route; the file name is there for providers that take it from the URL. */
export const PUBLIC_ATTACHMENT_PATH = '/attachments/public';

/**
 * A URL anyone holding it can download the file from until it expires (providers fetch media with
 * it: Infobip, WhatsApp). Signed with the attachment's own key; `now` is for tests.
 */
export function signedAttachmentUrl(
  config: Pick<Config, 'PUBLIC_URL' | 'PORT'>,
  attachment: Pick<AttachmentMeta, 'id' | 'fileName' | 'urlKey'>,
  ttlSeconds = DEFAULT_PUBLIC_URL_TTL_SECONDS,
  now = Date.now(),
): string {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  const path = `${PUBLIC_ATTACHMENT_PATH}/${attachment.id}/${encodeURIComponent(attachment.fileName)}`;
  return `${publicBaseUrl(config)}${path}?expires=${expires}&signature=${signature(attachment.urlKey, attachment.id, expires)}`;
}

/** Whether a public download's signature is this attachment's and has not expired. */
export function isSignatureValid(
  attachment: Pick<AttachmentMeta, 'id' | 'urlKey'>,
  expires: number,
  presented: string,
  now = Date.now(),
): boolean {
  if (!Number.isSafeInteger(expires) || expires * 1000 < now) return false;
  const expected = Buffer.from(signature(attachment.urlKey, attachment.id, expires));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** signedAttachmentUrl for a file referenced by message content; 404 when it is not stored. */
export async function signedUrlOfRef(
  orm: Orm,
  config: Pick<Config, 'PUBLIC_URL' | 'PORT'>,
  ref: Pick<AttachmentRef, 'id'>,
  ttlSeconds = DEFAULT_PUBLIC_URL_TTL_SECONDS,
): Promise<string> {
  return signedAttachmentUrl(config, await getAttachment(orm, ref.id), ttlSeconds);
}

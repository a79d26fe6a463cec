import { ATTACHMENT_MIME_TYPES, type AttachmentMimeType } from '@parley/contracts';

// What a file really is, from its first bytes: a file is stored with the type its bytes show, never
// the type its sender claimed, so a script cannot be uploaded as "image/png". The claimed type and
// the file name only pick between formats that share a container (ZIP, OLE, plain text).

const ALLOWED = new Set<string>(ATTACHMENT_MIME_TYPES);

const OOXML: Record<string, AttachmentMimeType> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

function claims(declared: string, fileName: string, type: string, extensions: string[]): boolean {
  return declared === type || extensions.includes(extensionOf(fileName));
}

function isoMediaType(bytes: Uint8Array): AttachmentMimeType {
  const brand = ascii(bytes, 8, 12);
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand.startsWith('M4A') || brand.startsWith('M4B')) return 'audio/mp4';
  if (brand.startsWith('3g')) return 'video/3gpp';
  return 'video/mp4';
}

function zipType(declared: string, fileName: string): AttachmentMimeType {
  for (const [extension, type] of Object.entries(OOXML)) {
    if (claims(declared, fileName, type, [extension])) return type;
  }
  return 'application/zip';
}

// Frame sync of MPEG audio: 11 set bits; AAC's ADTS header is the one with layer bits 00.
function mpegAudioType(bytes: Uint8Array): AttachmentMimeType | undefined {
  const [b0, b1] = bytes;
  if (b0 !== 0xff || b1 === undefined || (b1 & 0xe0) !== 0xe0) return undefined;
  return (b1 & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
}

function isText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? trimPartial(head) : head);
    return true;
  } catch {
    return false;
  }
}

// A sample cut mid-character is still text: drop an incomplete UTF-8 sequence at its end.
function trimPartial(head: Uint8Array): Uint8Array {
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back] as number;
    if ((byte & 0xc0) === 0xc0) return head.subarray(0, end - back);
    if ((byte & 0x80) === 0) break;
  }
  return head.subarray(0, end);
}

function binaryType(bytes: Uint8Array, declared: string, fileName: string): AttachmentMimeType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 5) === '#!AMR') return 'audio/amr';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(bytes, 4, 8) === 'ftyp') return isoMediaType(bytes);
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipType(declared, fileName);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return claims(declared, fileName, 'application/vnd.ms-excel', ['xls'])
      ? 'application/vnd.ms-excel'
      : 'application/msword';
  }
  return mpegAudioType(bytes);
}

/**
 * The allow-listed type these bytes are, or undefined when they are none of them. `declared` (the
 * sender's Content-Type) and `fileName` only choose within a container format.
 */
export function sniffMimeType(
  bytes: Uint8Array,
  declared: string,
  fileName: string,
): AttachmentMimeType | undefined {
  if (bytes.length === 0) return undefined;
  const claimed = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const type =
    binaryType(bytes, claimed, fileName) ??
    (isText(bytes)
      ? claims(claimed, fileName, 'text/csv', ['csv'])
        ? 'text/csv'
        : 'text/plain'
      : undefined);
  return type !== undefined && ALLOWED.has(type) ? type : undefined;
}

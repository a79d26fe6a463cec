import { describe, expect, it } from 'vitest';
import { sniffMimeType } from './attachments.sniff.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMimeType', () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['image/gif', bytes('GIF89a')],
    ['image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['application/pdf', bytes('%PDF-1.7')],
    ['audio/ogg', bytes('OggS', [0])],
    ['audio/mpeg', bytes('ID3', [4, 0])],
    ['audio/aac', bytes([0xff, 0xf1, 0x50])],
    ['audio/amr', bytes('#!AMR\n')],
    ['video/mp4', bytes([0, 0, 0, 0x20], 'ftypisom')],
    ['video/quicktime', bytes([0, 0, 0, 0x14], 'ftypqt  ')],
    ['audio/mp4', bytes([0, 0, 0, 0x20], 'ftypM4A ')],
    ['video/webm', bytes([0x1a, 0x45, 0xdf, 0xa3])],
    ['text/plain', bytes('Hello, čestitamo!')],
  ])('recognises %s by its bytes, whatever was claimed', (type, data) => {
    expect(sniffMimeType(data, 'application/octet-stream', 'file')).toBe(type);
  });

  it('tells containers apart by the claimed type or the file name', () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04]);
    expect(sniffMimeType(zip, '', 'report.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMimeType(zip, '', 'archive.zip')).toBe('application/zip');
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffMimeType(ole, 'application/vnd.ms-excel', 'x')).toBe('application/vnd.ms-excel');
    expect(sniffMimeType(bytes('a,b\n1,2\n'), 'text/csv', 'x')).toBe('text/csv');
  });

  it('refuses what is none of the allowed types, whatever it claims', () => {
    expect(sniffMimeType(bytes('MZ', [0x90, 0]), 'image/png', 'evil.png')).toBeUndefined();
    expect(sniffMimeType(bytes('<svg'), 'image/svg+xml', 'x.svg')).toBe('text/plain');
    expect(sniffMimeType(Buffer.alloc(0), 'image/png', 'x')).toBeUndefined();
  });
});

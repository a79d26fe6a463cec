import type { TranscriptEntryRow, TranscriptHeader } from './transcripts.repo.ts';

// What a transcript says, independent of the file format: the header fields and one row per
// message or note. Times are UTC, written out so a reader in any zone knows what they mean.

/** `2026-11-25 16:20:11 UTC`. */
export function formatTime(time: Date): string {
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The header as label/value pairs, in the order both formats write them. */
export function headerFields(header: TranscriptHeader): [string, string][] {
  const customer =
    header.customerName && header.customerAddress
      ? `${header.customerName} (${header.customerAddress})`
      : (header.customerName ?? header.customerAddress ?? 'Unknown');
  return [
    ['Conversation', `#${header.number} ${header.topic}`],
    ['Channel', header.channels.length ? header.channels.join(', ') : 'None'],
    ['Priority', header.priority],
    ['Queue', header.queueName ?? 'Default'],
    ['Status', header.status],
    ['Created', formatTime(header.createdAt)],
    ['Customer', customer],
    ['Agent', header.agentName ?? 'Unassigned'],
  ];
}

/** One transcript row. */
export interface TranscriptLine {
  time: Date;
  author: string;
  /** `Inbound`, `Outbound`, or `Internal note`. */
  direction: string;
  /** Empty for notes, which travel on no channel. */
  channel: string;
  text: string;
}

function authorOf(entry: TranscriptEntryRow, header: TranscriptHeader): string {
  if (entry.kind === 'note') return entry.authorName ?? 'Agent';
  switch (entry.authorKind) {
    case 'CUSTOMER':
      return header.customerName ?? entry.fromAddress ?? 'Customer';
    case 'AGENT':
      return entry.authorName ?? 'Agent';
    case 'BOT':
      return 'Bot';
    default:
      return 'System';
  }
}

/** The message as readable text: its text, or a bracketed description of media, places and templates. */
function textOf(entry: TranscriptEntryRow): string {
  if (entry.kind === 'note') return entry.noteText ?? '';
  const c = entry.content ?? {};
  switch (entry.contentType) {
    case 'TEXT':
      return [c.subject && `Subject: ${c.subject}`, c.text].filter(Boolean).join('\n');
    case 'LOCATION':
      return `[Location] ${[c.name, c.address, `${c.latitude}, ${c.longitude}`].filter(Boolean).join(' · ')}`;
    case 'TEMPLATE':
      return `[Template ${c.templateName ?? ''}] ${c.text ?? (c.placeholders ?? []).join(' | ')}`.trim();
    default:
      return `[${entry.contentType}] ${[c.caption, c.fileName, c.url].filter(Boolean).join(' · ')}`.trim();
  }
}

export function transcriptLine(entry: TranscriptEntryRow, header: TranscriptHeader): TranscriptLine {
  return {
    time: entry.createdAt,
    author: authorOf(entry, header),
    direction:
      entry.kind === 'note' ? 'Internal note' : entry.direction === 'INBOUND' ? 'Inbound' : 'Outbound',
    channel: entry.channel ?? '',
    text: textOf(entry),
  };
}

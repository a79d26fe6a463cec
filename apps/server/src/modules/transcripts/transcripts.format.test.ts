import { describe, expect, it } from 'vitest';
import { formatTime, headerFields, transcriptLine } from './transcripts.format.ts';
import type { TranscriptEntryRow, TranscriptHeader } from './transcripts.repo.ts';

const header: TranscriptHeader = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 42,
  topic: 'Late order',
  status: 'WAITING',
  priority: 'URGENT',
  channels: ['SMS', 'WHATSAPP'],
  queueName: null,
  createdAt: new Date('2026-03-04T05:06:07.890Z'),
  customerName: 'Ana Horvat',
  customerAddress: '385911234567',
  agentName: null,
};
const base: TranscriptEntryRow = {
  kind: 'message',
  id: '00000000-0000-4000-8000-000000000002',
  createdAt: new Date('2026-03-04T05:07:00Z'),
  key: '',
  direction: 'INBOUND',
  channel: 'WHATSAPP',
  authorKind: 'CUSTOMER',
  authorName: null,
  fromAddress: '385911234567',
  contentType: 'TEXT',
  content: { text: 'Hi' },
  noteText: null,
};

describe('transcript format', () => {
  it('states the header with readable defaults', () => {
    expect(headerFields(header)).toEqual([
      ['Conversation', '#42 Late order'],
      ['Channel', 'SMS, WHATSAPP'],
      ['Priority', 'URGENT'],
      ['Queue', 'Default'],
      ['Status', 'WAITING'],
      ['Created', '2026-03-04 05:06:07 UTC'],
      ['Customer', 'Ana Horvat (385911234567)'],
      ['Agent', 'Unassigned'],
    ]);
    expect(formatTime(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31 23:59:59 UTC');
  });

  it('names authors and describes every kind of content', () => {
    const line = (entry: Partial<TranscriptEntryRow>) => transcriptLine({ ...base, ...entry }, header);
    expect(line({})).toMatchObject({
      author: 'Ana Horvat',
      direction: 'Inbound',
      channel: 'WHATSAPP',
      text: 'Hi',
    });
    expect(line({ direction: 'OUTBOUND', authorKind: 'AGENT', authorName: 'Ivo' })).toMatchObject({
      author: 'Ivo',
      direction: 'Outbound',
    });
    expect(line({ authorKind: 'BOT', direction: 'OUTBOUND' }).author).toBe('Bot');
    expect(line({ content: { subject: 'Order', text: 'Where?' } }).text).toBe('Subject: Order\nWhere?');
    expect(line({ contentType: 'IMAGE', content: { url: 'https://x/y.png', caption: 'receipt' } }).text).toBe(
      '[IMAGE] receipt · https://x/y.png',
    );
    expect(
      line({ contentType: 'LOCATION', content: { name: 'Shop', latitude: 45.8, longitude: 15.97 } }).text,
    ).toBe('[Location] Shop · 45.8, 15.97');
    expect(
      line({ contentType: 'TEMPLATE', content: { templateName: 'welcome', text: 'Hello Ana' } }).text,
    ).toBe('[Template welcome] Hello Ana');
    expect(
      line({
        kind: 'note',
        direction: null,
        channel: null,
        authorKind: null,
        authorName: 'Eva',
        noteText: 'VIP',
      }),
    ).toMatchObject({ author: 'Eva', direction: 'Internal note', channel: '', text: 'VIP' });
  });
});

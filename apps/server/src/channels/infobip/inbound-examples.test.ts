import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapWebhookPayload } from './mapper.ts';

// Every incoming-message example of the Messages API reference, with what Parley makes of it: the
// channel and content type of each message, or why it is skipped. A new example in the fixtures
// fails the coverage test until it is listed here.

const CONNECTION_ID = '7b0c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10';

const examples = JSON.parse(
  readFileSync(new URL('./fixtures/incoming-messages.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

type Expected = { messages: Array<[string, string, Record<string, unknown>]> } | { skipped: string };

const text = (value: string) => ({ text: value });
const media = (url: string, caption: string) => ({ url: `http://my.domain/${url}`, caption });
const unsupported = (type: string) => text(`[Unsupported message type: ${type}]`);
// An Apple Messages for Business form: every page's question with the customer's answers.
const FORM_ANSWERS = [
  'Form response',
  'Input text: Input item value',
  'Picker text: Picker item value',
  'Date picker text: 2025-01-01T14:00:00.797+0000',
  'Select text: Select item value',
  'Multi-select text: Multi-select value 1, Multi-select value 2',
].join('\n');

const EXPECTED: Record<string, Expected> = {
  'Received text message example': { messages: [['SMS', 'TEXT', text('Text message 123')]] },
  'Received text message with keyword example': { messages: [['SMS', 'TEXT', text('KWRDText message 123')]] },
  'Received image with caption message example': {
    messages: [['WHATSAPP', 'IMAGE', media('image.jpg', 'Image caption')]],
  },
  'Received audio with caption message example': {
    messages: [['WHATSAPP', 'AUDIO', media('media/my-audio', 'Audio caption')]],
  },
  'Received audio with subject and text message example (MMS only)': {
    messages: [
      ['WHATSAPP', 'AUDIO', { ...media('media/my-audio', 'Audio caption'), subject: 'Some subject' }],
      ['WHATSAPP', 'TEXT', text('Text message')],
    ],
  },
  'Received video with caption example': {
    messages: [['WHATSAPP', 'VIDEO', media('media/my-video', 'Video caption')]],
  },
  'Received document with caption example': {
    messages: [['WHATSAPP', 'DOCUMENT', media('media/my-document', 'Document caption')]],
  },
  'Received file with caption example': {
    messages: [['WHATSAPP', 'DOCUMENT', media('media/my-file', 'File caption')]],
  },
  'Received multiple file with caption example': {
    messages: [
      ['WHATSAPP', 'DOCUMENT', media('media/my-file', 'File caption')],
      ['WHATSAPP', 'DOCUMENT', media('media/my-file', 'File caption')],
    ],
  },
  'Received location with url example': {
    messages: [
      ['WHATSAPP', 'LOCATION', { latitude: 16, longitude: 18, url: 'http://my.domain/media/my-location' }],
    ],
  },
  'Received location without url example': {
    messages: [['WHATSAPP', 'LOCATION', { latitude: 16, longitude: 18 }]],
  },
  'Received location only with url example': {
    messages: [['WHATSAPP', 'LOCATION', { url: 'http://my.domain/media/my-location' }]],
  },
  'Received list reply example': { messages: [['WHATSAPP', 'TEXT', text('Text for selected option')]] },
  'Received list reply with multiple item selected example': {
    messages: [
      ['WHATSAPP', 'TEXT', text('Text for first selected option ')],
      ['WHATSAPP', 'TEXT', text('Text for second selected option')],
    ],
  },
  'Received button message example': { messages: [['WHATSAPP', 'TEXT', text('Yes')]] },
  'Received flow response example': { messages: [['WHATSAPP', 'TEXT', unsupported('FLOW_RESPONSE')]] },
  'Received typing started event example': { skipped: 'unsupported event TYPING_STARTED' },
  'Received typing stopped event example': { skipped: 'unsupported event TYPING_STOPPED' },
  'Received payment response example': { messages: [['WHATSAPP', 'TEXT', unsupported('PAYMENT_RESPONSE')]] },
  'Received form response example': {
    messages: [['APPLE_BUSINESS_CHAT', 'TEXT', text(FORM_ANSWERS)]],
  },
  'Received reaction response example': { messages: [['WHATSAPP', 'TEXT', unsupported('REACTION')]] },
  'Received url response example': {
    messages: [
      [
        'FACEBOOK_MESSENGER',
        'TEXT',
        { text: 'http://my.domain/media/my-url', url: 'http://my.domain/media/my-url' },
      ],
    ],
  },
};

describe('every incoming-message example of the reference', () => {
  it('is listed here with what it maps to', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(examples).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`maps "${name}"`, () => {
      const mapped = mapWebhookPayload(CONNECTION_ID, examples[name]);
      if ('skipped' in expected) {
        expect(mapped.messages).toEqual([]);
        expect(mapped.skipped.map((s) => s.reason)).toEqual([expected.skipped]);
      } else {
        expect(mapped.skipped).toEqual([]);
        expect(mapped.messages.map((m) => [m.channel, m.contentType, m.content])).toEqual(expected.messages);
      }
    });
  }
});

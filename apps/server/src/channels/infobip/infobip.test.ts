import { readFileSync } from 'node:fs';
import { InboundMessage } from '@parley/contracts';
import { describe, expect, it, vi } from 'vitest';
import { InfobipPayloadError } from './errors.ts';
import { deliveryReportPayload, incomingTextPayload, seenReportPayload } from './fake-events.ts';
import { mapWebhookPayload } from './mapper.ts';
import { type ReferenceSchemaName, referenceViolations } from './reference-schema.ts';

const CONNECTION_ID = '7b0c6a53-3c1a-4a55-9f0e-0d6f3f4f9a10';
const ID = 'ABEGVUGWh3gEAgo-sLTvmQCS5kwjhsy';

function fixture(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}
const incoming = fixture('incoming-messages.json');
const deliveryReports = fixture('delivery-reports.json');
const seenReports = fixture('seen-reports.json');

function mapExample(name: string) {
  const payload = incoming[name];
  if (payload === undefined) throw new Error(`no example ${name}`);
  return mapWebhookPayload(CONNECTION_ID, payload);
}

describe('reference fixtures', () => {
  const sets: Array<[string, Record<string, unknown>, ReferenceSchemaName]> = [
    ['incoming', incoming, 'MessagesApiIncomingMessage'],
    ['delivery', deliveryReports, 'MessagesApiDeliveryReportResponse'],
    ['seen', seenReports, 'MessagesApiSeenReport'],
  ];
  for (const [kind, examples, schema] of sets) {
    for (const [name, payload] of Object.entries(examples)) {
      // The reference declares flow-response values as objects while its own example has numbers
      // and strings; the mapper does not read that field, so the example is still mapped below.
      if (name === 'Received flow response example') continue;
      it(`${kind} example "${name}" matches the reference schema`, () => {
        expect(referenceViolations(schema, payload)).toEqual([]);
      });
    }
  }
});

describe('mapWebhookPayload: every documented incoming message', () => {
  for (const [name, payload] of Object.entries(incoming)) {
    it(`maps "${name}" into valid InboundMessages or reasoned skips`, () => {
      const mapped = mapWebhookPayload(CONNECTION_ID, payload);
      for (const message of mapped.messages) expect(InboundMessage.parse(message)).toEqual(message);
      for (const skipped of mapped.skipped) expect(skipped.reason).toMatch(/\S/);
      expect(mapped.messages.length + mapped.skipped.length).toBeGreaterThan(0);
      expect(mapped.statusUpdates).toEqual([]);
    });
  }

  it('maps a text message with Infobip time turned into ISO 8601 UTC', () => {
    expect(mapExample('Received text message example').messages).toEqual([
      {
        connectionId: CONNECTION_ID,
        channel: 'SMS',
        providerMessageId: ID,
        from: '48123234567',
        to: '48123098765',
        receivedAt: '2020-02-06T14:18:29.797Z',
        contentType: 'TEXT',
        content: { text: 'Text message 123' },
      },
    ]);
  });

  it('keeps the whole text the customer wrote, keyword included', () => {
    expect(mapExample('Received text message with keyword example').messages[0]?.content).toEqual({
      text: 'KWRDText message 123',
    });
  });

  it.each([
    ['Received image with caption message example', 'IMAGE', 'http://my.domain/image.jpg', 'Image caption'],
    [
      'Received audio with caption message example',
      'AUDIO',
      'http://my.domain/media/my-audio',
      'Audio caption',
    ],
    ['Received video with caption example', 'VIDEO', 'http://my.domain/media/my-video', 'Video caption'],
    [
      'Received document with caption example',
      'DOCUMENT',
      'http://my.domain/media/my-document',
      'Document caption',
    ],
    ['Received file with caption example', 'DOCUMENT', 'http://my.domain/media/my-file', 'File caption'],
  ])('maps "%s" to %s with url and caption', (name, contentType, url, caption) => {
    const [message] = mapExample(name).messages;
    expect(message).toMatchObject({ channel: 'WHATSAPP', contentType, content: { url, caption } });
  });

  it('splits a message with several parts into one message per part with stable ids', () => {
    const mapped = mapExample('Received multiple file with caption example');
    expect(mapped.messages.map((m) => [m.providerMessageId, m.contentType])).toEqual([
      [ID, 'DOCUMENT'],
      [`${ID}#2`, 'DOCUMENT'],
    ]);
    expect(mapWebhookPayload(CONNECTION_ID, incoming['Received multiple file with caption example'])).toEqual(
      mapped,
    );
  });

  it('puts an MMS subject on the first message and keeps the text part', () => {
    const { messages } = mapExample('Received audio with subject and text message example (MMS only)');
    expect(messages.map((m) => [m.providerMessageId, m.contentType, m.content])).toEqual([
      [
        ID,
        'AUDIO',
        { url: 'http://my.domain/media/my-audio', caption: 'Audio caption', subject: 'Some subject' },
      ],
      [`${ID}#2`, 'TEXT', { text: 'Text message' }],
    ]);
  });

  it.each([
    [
      'Received location with url example',
      { latitude: 16, longitude: 18, url: 'http://my.domain/media/my-location' },
    ],
    ['Received location without url example', { latitude: 16, longitude: 18 }],
    ['Received location only with url example', { url: 'http://my.domain/media/my-location' }],
  ])('maps "%s" to LOCATION', (name, content) => {
    expect(mapExample(name).messages[0]).toMatchObject({ contentType: 'LOCATION', content });
  });

  it('turns list, button and url replies into the text the customer chose', () => {
    expect(
      mapExample('Received list reply with multiple item selected example').messages.map((m) => m.content),
    ).toEqual([{ text: 'Text for first selected option ' }, { text: 'Text for second selected option' }]);
    expect(mapExample('Received button message example').messages[0]?.content).toEqual({ text: 'Yes' });
    expect(mapExample('Received url response example').messages[0]).toMatchObject({
      channel: 'FACEBOOK_MESSENGER',
      contentType: 'TEXT',
      content: { text: 'http://my.domain/media/my-url', url: 'http://my.domain/media/my-url' },
    });
  });

  it.each([
    ['Received typing started event example', 'unsupported event TYPING_STARTED'],
    ['Received typing stopped event example', 'unsupported event TYPING_STOPPED'],
  ])('reports "%s", which is no message of ours, as skipped: %s', (name, reason) => {
    expect(mapExample(name)).toEqual({
      messages: [],
      statusUpdates: [],
      skipped: [{ providerMessageId: ID, reason }],
    });
  });

  it.each([
    ['Received flow response example', 'FLOW_RESPONSE'],
    ['Received payment response example', 'PAYMENT_RESPONSE'],
    ['Received reaction response example', 'REACTION'],
  ])('delivers "%s" as a text saying a %s arrived, so the agent sees the customer wrote', (name, type) => {
    const mapped = mapExample(name);
    expect(mapped.skipped).toEqual([]);
    expect(mapped.messages).toMatchObject([
      {
        providerMessageId: ID,
        contentType: 'TEXT',
        content: { text: `[Unsupported message type: ${type}]` },
      },
    ]);
  });

  it('keeps an unsupported part in its place among the parts it came with', () => {
    const payload = incomingTextPayload({ from: '385911', to: '385100', text: 'look', messageId: 'mix-1' });
    const [result] = payload.results;
    const mixed = {
      results: [
        { ...result, content: [{ type: 'TEXT', text: 'look' }, { type: 'STICKER' }, { type: 'IMAGE' }] },
      ],
    };
    expect(
      mapWebhookPayload(CONNECTION_ID, mixed).messages.map((m) => [m.providerMessageId, m.content]),
    ).toEqual([
      ['mix-1', { text: 'look' }],
      ['mix-1#2', { text: '[Unsupported message type: STICKER]' }],
      ['mix-1#3', { text: '[Unsupported message type: IMAGE without url]' }],
    ]);
  });

  it.each([
    ['an unreadable', { receivedAt: 'yesterday-ish' }],
    ['a missing', { receivedAt: undefined }],
  ])('keeps a message with %s receivedAt, received at the server time', (_case, override) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-04T05:06:07.000Z'));
    try {
      const payload = incomingTextPayload({ from: '385911', to: '385100', text: 'when?', messageId: 't-1' });
      const [result] = payload.results;
      const mapped = mapWebhookPayload(CONNECTION_ID, { results: [{ ...result, ...override }] });
      expect(mapped.skipped).toEqual([]);
      expect(mapped.messages).toMatchObject([
        { providerMessageId: 't-1', content: { text: 'when?' }, receivedAt: '2026-03-04T05:06:07.000Z' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('maps Viber and MMS onto our channels', () => {
    const viber = mapWebhookPayload(
      CONNECTION_ID,
      incomingTextPayload({ from: 'a', to: 'b', text: 'hi', channel: 'VIBER_BOT' }),
    );
    const mms = mapWebhookPayload(
      CONNECTION_ID,
      incomingTextPayload({ from: 'a', to: 'b', text: 'hi', channel: 'MMS' }),
    );
    expect([viber.messages[0]?.channel, mms.messages[0]?.channel]).toEqual(['VIBER', 'SMS']);
  });

  it('skips a malformed result with the fields at fault and keeps the rest of the batch', () => {
    const good = incomingTextPayload({
      from: '385911',
      to: '385100',
      text: 'still here',
      messageId: 'good-1',
    });
    const payload = { results: [{ event: 'MO', messageId: 'bad-1', channel: 'SMS' }, ...good.results] };
    const mapped = mapWebhookPayload(CONNECTION_ID, payload);
    expect(mapped.messages.map((m) => m.providerMessageId)).toEqual(['good-1']);
    expect(mapped.skipped).toEqual([
      { providerMessageId: 'bad-1', reason: 'malformed MO event (sender, destination, content)' },
    ]);
  });

  it.each([null, 'text', {}, { results: 'x' }, [1, 2]])(
    'rejects a body that is no Infobip payload: %j',
    (payload) => {
      expect(() => mapWebhookPayload(CONNECTION_ID, payload)).toThrow(InfobipPayloadError);
    },
  );
});

describe('mapWebhookPayload: delivery and seen reports', () => {
  it('maps the documented delivery report to DELIVERED at doneAt', () => {
    expect(mapWebhookPayload(CONNECTION_ID, deliveryReports['Delivery report'])).toEqual({
      messages: [],
      skipped: [],
      statusUpdates: [{ providerMessageId: ID, state: 'DELIVERED', at: '2024-02-06T17:18:29.797Z' }],
    });
  });

  it('maps the documented seen report to SEEN at seenAt', () => {
    expect(mapWebhookPayload(CONNECTION_ID, seenReports['Seen report']).statusUpdates).toEqual([
      { providerMessageId: ID, state: 'SEEN', at: '2024-02-06T14:28:29.797Z' },
    ]);
  });

  it.each([
    ['PENDING', 'SENT'],
    ['ACCEPTED', 'SENT'],
    ['DELIVERED', 'DELIVERED'],
    ['UNDELIVERABLE', 'FAILED'],
    ['EXPIRED', 'FAILED'],
    ['REJECTED', 'FAILED'],
  ])('maps status group %s to %s', (groupName, state) => {
    const payload = deliveryReportPayload({
      messageId: 'm-1',
      groupName,
      doneAt: new Date('2026-01-02T03:04:05Z'),
    });
    expect(referenceViolations('MessagesApiDeliveryReportResponse', payload)).toEqual([]);
    const [update] = mapWebhookPayload(CONNECTION_ID, payload).statusUpdates;
    expect(update).toMatchObject({ providerMessageId: 'm-1', state, at: '2026-01-02T03:04:05.000Z' });
    if (state === 'FAILED') expect(update?.reason).toBe('Unknown subscriber');
  });

  it('builds seen reports and incoming messages that match the reference', () => {
    expect(referenceViolations('MessagesApiSeenReport', seenReportPayload({ messageId: 'm-2' }))).toEqual([]);
    const text = incomingTextPayload({ from: '385911', to: '385100', text: 'hello' });
    expect(referenceViolations('MessagesApiIncomingMessage', text)).toEqual([]);
  });
});

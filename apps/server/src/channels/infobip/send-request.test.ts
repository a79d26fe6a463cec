import {
  type Channel,
  INFOBIP_CHANNELS,
  type MESSAGE_CONTENT_TYPES,
  MESSENGER_TAGS,
  TEMPLATE_CHANNELS,
} from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { referenceViolations } from './reference-schema.ts';
import { toSendRequest } from './send-request.ts';
import type { OutboundMessage } from './types.ts';

const ID = 'a7f3c2de-9d4e-4d36-8f43-2f1a9e0e5b11';
const MEDIA_URL = 'https://parley.example/api/attachments/public/f1?sig=abc';

const outbound = (
  contentType: OutboundMessage['contentType'],
  content: OutboundMessage['content'],
  extra: Partial<OutboundMessage> = {},
): OutboundMessage => ({ id: ID, to: '385911234567', contentType, content, ...extra });

const stored = (fileName: string, mimeType: string) => ({
  attachments: [{ id: '3f1c9a7e-6b1d-4c55-9a41-7d2b8e0f6a12', fileName, mimeType, size: 2048 }],
});

/** One message of each content type, media as the web app sends them: stored files fetched from a signed URL. */
const samples: Record<(typeof MESSAGE_CONTENT_TYPES)[number], OutboundMessage> = {
  TEXT: outbound('TEXT', { text: 'Hello' }),
  IMAGE: outbound('IMAGE', { ...stored('a.png', 'image/png'), caption: 'Look' }, { mediaUrl: MEDIA_URL }),
  VIDEO: outbound('VIDEO', stored('a.mp4', 'video/mp4'), { mediaUrl: MEDIA_URL }),
  AUDIO: outbound('AUDIO', stored('voice.ogg', 'audio/ogg'), { mediaUrl: MEDIA_URL }),
  DOCUMENT: outbound(
    'DOCUMENT',
    { ...stored('invoice.pdf', 'application/pdf'), caption: 'Invoice' },
    { mediaUrl: MEDIA_URL },
  ),
  LOCATION: outbound('LOCATION', { latitude: 45.81, longitude: 15.98, name: 'Office', address: 'Zagreb' }),
  TEMPLATE: outbound('TEMPLATE', {
    templateName: 'order_update',
    language: 'en',
    text: 'Hi Ana, order 42 shipped',
    placeholders: ['Ana', '42'],
    template: {
      header: { format: 'TEXT', text: 'Order 42', parameter: '42' },
      footer: 'Thanks',
      buttons: [
        { type: 'URL', text: 'Track', parameter: 'track/42' },
        { type: 'QUICK_REPLY', text: 'Thanks' },
      ],
    },
  }),
};

const send = (channel: Channel, message: OutboundMessage) =>
  toSendRequest({ channel, sender: '385100' }, message, { reportUrl: 'https://parley.example/wh' });

const firstMessage = (body: { messages: Array<Record<string, unknown>> }) =>
  body.messages[0] as { content: { body: Record<string, unknown>; header?: unknown; buttons?: unknown } };

describe('toSendRequest: every content type on every channel matches the reference request schema', () => {
  for (const channel of INFOBIP_CHANNELS) {
    for (const [contentType, message] of Object.entries(samples)) {
      if (contentType === 'TEMPLATE' && !TEMPLATE_CHANNELS.includes(channel)) {
        it(`TEMPLATE on ${channel}: refused, Infobip has no templates there`, () => {
          expect(() => send(channel, message)).toThrow(/has no templates/);
        });
        continue;
      }
      it(`${contentType} on ${channel}`, () => {
        expect(referenceViolations('MessagesApiRequest', send(channel, message))).toEqual([]);
      });
    }
  }

  it.each(MESSENGER_TAGS)('a Messenger reply tagged %s', (tag) => {
    for (const message of [samples.TEXT, samples.IMAGE, samples.DOCUMENT]) {
      const body = send('FACEBOOK_MESSENGER', {
        ...message,
        content: { ...message.content, messengerTag: tag },
      });
      expect(referenceViolations('MessagesApiRequest', body)).toEqual([]);
      expect(firstMessage(body).content.body.tag).toBe(tag);
    }
  });

  it.each([
    [
      { format: 'IMAGE' as const, url: 'https://cdn.example/h.jpg' },
      { type: 'IMAGE', url: 'https://cdn.example/h.jpg' },
    ],
    [
      { format: 'VIDEO' as const, url: 'https://cdn.example/h.mp4' },
      { type: 'VIDEO', url: 'https://cdn.example/h.mp4' },
    ],
    [
      { format: 'DOCUMENT' as const, url: 'https://cdn.example/h.pdf', fileName: 'terms.pdf' },
      { type: 'DOCUMENT', url: 'https://cdn.example/h.pdf', filename: 'terms.pdf' },
    ],
    [
      { format: 'LOCATION' as const, latitude: 45.8, longitude: 15.9 },
      { type: 'LOCATION', latitude: 45.8, longitude: 15.9 },
    ],
  ])('a WhatsApp template with a $format header', (header, expected) => {
    const content = { ...samples.TEMPLATE.content, template: { header } };
    const body = send('WHATSAPP', { ...samples.TEMPLATE, content });
    expect(referenceViolations('MessagesApiRequest', body)).toEqual([]);
    expect(firstMessage(body).content.header).toEqual(expected);
  });
});

describe('toSendRequest: what goes out', () => {
  it('names our message in the destination and callbackData and fills the template by position', () => {
    expect(toSendRequest({ channel: 'WHATSAPP', sender: '385100' }, samples.TEMPLATE)).toEqual({
      messages: [
        {
          channel: 'WHATSAPP',
          sender: '385100',
          destinations: [{ to: '385911234567', messageId: ID }],
          webhooks: { callbackData: ID },
          template: { templateName: 'order_update', language: 'en' },
          content: {
            header: { type: 'TEXT', 1: '42' },
            body: { type: 'TEXT', 1: 'Ana', 2: '42' },
            buttons: [{ type: 'OPEN_URL', suffix: 'track/42' }],
          },
        },
      ],
    });
  });

  it('sends a coupon code button with its code and an authentication code as its URL suffix', () => {
    const withButtons = (buttons: Array<{ type: string; text: string; parameter?: string }>) =>
      firstMessage(
        send('WHATSAPP', {
          ...samples.TEMPLATE,
          content: { ...samples.TEMPLATE.content, template: { buttons } },
        }),
      ).content.buttons;
    expect(withButtons([{ type: 'COPY_CODE', text: 'Copy', parameter: 'SAVE10' }])).toEqual([
      { type: 'COPY_CODE', code: 'SAVE10' },
    ]);
    expect(withButtons([{ type: 'OTP_COPY_CODE', text: 'Copy code', parameter: '123456' }])).toEqual([
      { type: 'OPEN_URL', suffix: '123456' },
    ]);
    expect(withButtons([{ type: 'PHONE_NUMBER', text: 'Call' }])).toBeUndefined();
  });

  it('leaves a fixed text header out: it takes no value', () => {
    const content = {
      ...samples.TEMPLATE.content,
      template: { header: { format: 'TEXT' as const, text: 'Hello' } },
    };
    expect(firstMessage(send('WHATSAPP', { ...samples.TEMPLATE, content })).content.header).toBeUndefined();
  });

  it('fetches a stored file from its signed URL with its file name, caption as text', () => {
    expect(firstMessage(send('VIBER', samples.DOCUMENT)).content.body).toEqual({
      type: 'DOCUMENT',
      url: MEDIA_URL,
      text: 'Invoice',
      filename: 'invoice.pdf',
    });
  });

  it('sends audio as a document: the Messages API has no outbound audio', () => {
    expect(firstMessage(send('WHATSAPP', samples.AUDIO)).content.body).toMatchObject({
      type: 'DOCUMENT',
      filename: 'voice.ogg',
    });
  });

  it('sends a picture WhatsApp does not show inline (webp, gif) as a document', () => {
    const webp = outbound('IMAGE', stored('sticker.webp', 'image/webp'), { mediaUrl: MEDIA_URL });
    expect(firstMessage(send('WHATSAPP', webp)).content.body).toMatchObject({ type: 'DOCUMENT' });
    expect(firstMessage(send('FACEBOOK_MESSENGER', webp)).content.body).toMatchObject({ type: 'IMAGE' });
  });

  it('keeps a provider URL of content that was never stored', () => {
    const linked = outbound('IMAGE', { url: 'https://example.com/a.png' });
    expect(firstMessage(send('SMS', linked)).content.body).toEqual({
      type: 'IMAGE',
      url: 'https://example.com/a.png',
    });
  });

  it('puts no tag on channels other than Messenger', () => {
    const tagged = outbound('TEXT', { text: 'Hi', messengerTag: 'ACCOUNT_UPDATE' });
    expect(firstMessage(send('WHATSAPP', tagged)).content.body).toEqual({ type: 'TEXT', text: 'Hi' });
  });

  it('refuses channels the Messages API does not carry', () => {
    const attempt = () => toSendRequest({ channel: 'TELEGRAM', sender: 'bot' }, samples.TEXT);
    expect(attempt).toThrow(expect.objectContaining({ code: 'unsupported_channel', retryable: false }));
  });

  it('refuses content missing what its type needs', () => {
    const noUrl = () => send('SMS', outbound('IMAGE', { caption: 'no url' }));
    expect(noUrl).toThrow(expect.objectContaining({ code: 'unsupported_content', retryable: false }));
    const noSignedUrl = () => send('SMS', { ...samples.IMAGE, mediaUrl: undefined });
    expect(noSignedUrl).toThrow(expect.objectContaining({ code: 'unsupported_content' }));
  });
});

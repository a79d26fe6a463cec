import { describe, expect, it } from 'vitest';
import { clientIdOf, mapLiveChatEvent, providerMessageIdOf, visitorLabel } from './inbound.ts';

const connection = { id: '11111111-1111-4111-8111-111111111111', sender: 'acme-shop' };
const visitorId = '22222222-2222-4222-8222-222222222222';
const clientId = '33333333-3333-4333-8333-333333333333';
const stored = {
  visitorId,
  clientId,
  receivedAt: '2026-11-25T10:00:00.000Z',
  customerName: 'Vera',
  text: 'Hello',
};

describe('mapLiveChatEvent', () => {
  it('makes a text message from the visitor to the widget, its id scoped by the visitor', () => {
    const { messages, statusUpdates } = mapLiveChatEvent(connection, stored);
    expect(statusUpdates).toEqual([]);
    expect(messages).toEqual([
      {
        connectionId: connection.id,
        channel: 'LIVE_CHAT',
        providerMessageId: `${visitorId}:${clientId}`,
        from: visitorId,
        to: 'acme-shop',
        receivedAt: stored.receivedAt,
        customerName: 'Vera',
        contentType: 'TEXT',
        content: { text: 'Hello' },
      },
    ]);
  });

  it('carries an upload as the stored attachment, the text as its caption', () => {
    const attachment = {
      id: '44444444-4444-4444-8444-444444444444',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      size: 10,
    };
    const [message] = mapLiveChatEvent(connection, { ...stored, text: '', attachment }).messages;
    expect(message).toMatchObject({
      contentType: 'DOCUMENT',
      content: { attachments: [attachment], fileName: 'a.pdf' },
    });
    expect(message?.content.caption).toBeUndefined();
  });

  it('refuses a stored body that is not a visitor message (the processor retries and logs it)', () => {
    expect(() => mapLiveChatEvent(connection, { results: [] })).toThrow();
  });
});

describe('helpers', () => {
  it('reads the client id back from the provider id of the same visitor only', () => {
    expect(clientIdOf(providerMessageIdOf(visitorId, clientId), visitorId)).toBe(clientId);
    expect(clientIdOf(providerMessageIdOf(visitorId, clientId), connection.id)).toBeNull();
    expect(clientIdOf(null, visitorId)).toBeNull();
  });

  it('names anonymous visitors by their id', () => {
    expect(visitorLabel(visitorId)).toBe('Visitor 222222');
  });
});

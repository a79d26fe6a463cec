import type { AttachmentRef } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import updates from './fixtures/updates.json' with { type: 'json' };
import { mapUpdate, type TelegramMediaRequest } from './mapper.ts';
import { toBotApiCall } from './send.ts';

const connection = { id: crypto.randomUUID(), sender: 'parley_bot', botId: '4242' };

async function map(update: unknown) {
  const asked: TelegramMediaRequest[] = [];
  const mapped = await mapUpdate(update, connection, async (media) => {
    asked.push(media);
    return {
      id: crypto.randomUUID(),
      fileName: media.fileName,
      mimeType: media.mimeType,
      size: 10,
    } satisfies AttachmentRef;
  });
  return { mapped, asked, message: mapped.messages[0] };
}

describe('Telegram update mapping', () => {
  it('maps a text message: chat id as the customer, bot as ours, name and a per-bot provider id', async () => {
    const { message } = await map(updates.text);
    expect(message).toEqual({
      connectionId: connection.id,
      channel: 'TELEGRAM',
      providerMessageId: '4242:1111111:1365',
      from: '1111111',
      to: 'parley_bot',
      receivedAt: '2026-01-01T00:00:00.000Z',
      contentType: 'TEXT',
      content: { text: 'Hello, my order is late' },
      customerName: 'Ana Horvat',
    });
  });

  it('stores the largest photo size and keeps the caption', async () => {
    const { message, asked } = await map(updates.photo);
    expect(asked.map((a) => a.fileId)).toEqual(['AgADBAADbqcxG-large']);
    expect(message).toMatchObject({
      contentType: 'IMAGE',
      content: { caption: 'The parcel', attachments: [{ mimeType: 'image/jpeg' }] },
    });
  });

  it.each([
    ['document', 'DOCUMENT', 'invoice.pdf'],
    ['voice', 'AUDIO', 'voice.ogg'],
    ['audio', 'AUDIO', 'song.mp3'],
    ['video', 'VIDEO', 'unboxing.mp4'],
  ] as const)('maps a %s to %s with its file', async (kind, contentType, fileName) => {
    const { message, asked } = await map(updates[kind]);
    expect(message).toMatchObject({ contentType, content: { fileName, attachments: [{ fileName }] } });
    expect(asked[0]?.uniqueId).toMatch(/^AgAD/);
  });

  it('maps locations and venues', async () => {
    expect((await map(updates.location)).message).toMatchObject({
      contentType: 'LOCATION',
      content: { latitude: 45.815, longitude: 15.9819 },
    });
    expect((await map(updates.venue)).message).toMatchObject({
      contentType: 'LOCATION',
      content: { name: 'Ban Jelačić Square', address: 'Trg bana Josipa Jelačića, Zagreb' },
    });
  });

  it('skips edits and kinds Parley does not carry, and rejects what is no update', async () => {
    for (const update of [updates.edited, updates.sticker]) {
      const { mapped } = await map(update);
      expect(mapped.messages).toEqual([]);
      expect(mapped.skipped).toHaveLength(1);
    }
    await expect(map({ hello: 'world' })).rejects.toThrow(/Telegram Update/);
  });

  it('skips messages in group chats and channels: only private chats are customers', async () => {
    for (const type of ['group', 'supergroup', 'channel']) {
      const update = structuredClone(updates.text);
      update.message.chat = {
        ...update.message.chat,
        id: -100123,
        type,
        title: 'Team',
      } as typeof update.message.chat;
      const { mapped } = await map(update);
      expect(mapped.messages).toEqual([]);
      expect(mapped.skipped).toEqual([
        { providerMessageId: expect.any(String), reason: `a ${type} chat, not a private one` },
      ]);
    }
  });
});

describe('Telegram sends', () => {
  const base = {
    id: crypto.randomUUID(),
    conversationId: crypto.randomUUID(),
    channel: 'TELEGRAM' as const,
    from: 'parley_bot',
    to: '1111111',
    attempt: 1,
  };
  const file: AttachmentRef = { id: crypto.randomUUID(), fileName: 'a.png', mimeType: 'image/png', size: 3 };
  const readFile = async () => Buffer.from([1, 2, 3]);

  it('sends text with sendMessage and a template by its rendered text', async () => {
    expect(await toBotApiCall({ ...base, contentType: 'TEXT', content: { text: 'Hi' } }, readFile)).toEqual({
      method: 'sendMessage',
      params: { chat_id: '1111111', text: 'Hi' },
    });
    const template = await toBotApiCall(
      { ...base, contentType: 'TEMPLATE', content: { text: 'Order 1 shipped', templateName: 't' } },
      readFile,
    );
    expect(template.method).toBe('sendMessage');
  });

  it.each([
    ['IMAGE', 'sendPhoto', 'photo'],
    ['DOCUMENT', 'sendDocument', 'document'],
    ['AUDIO', 'sendAudio', 'audio'],
    ['VIDEO', 'sendVideo', 'video'],
  ] as const)('uploads a stored %s with %s', async (contentType, method, field) => {
    const call = await toBotApiCall(
      { ...base, contentType, content: { caption: 'Look', attachments: [file] } },
      readFile,
    );
    expect(call.method).toBe(method);
    const form = call.params as FormData;
    expect(form.get('chat_id')).toBe('1111111');
    expect(form.get('caption')).toBe('Look');
    expect((form.get(field) as File).name).toBe('a.png');
  });

  it('sends locations, and refuses content it cannot send (not retryable)', async () => {
    const location = await toBotApiCall(
      { ...base, contentType: 'LOCATION', content: { latitude: 1, longitude: 2 } },
      readFile,
    );
    expect(location).toEqual({
      method: 'sendLocation',
      params: { chat_id: '1111111', latitude: 1, longitude: 2 },
    });
    await expect(
      toBotApiCall({ ...base, contentType: 'IMAGE', content: {} }, readFile),
    ).rejects.toMatchObject({
      code: 'unsupported_content',
      retryable: false,
    });
  });
});

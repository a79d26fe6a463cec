import type { AttachmentRef, InboundMessage, MessageContentType } from '@parley/contracts';
import type { MappedInboundEvent } from '../adapter.ts';
import { type TelegramMessage, Update } from './payloads.ts';

// Telegram Update → Parley's inbound message. Media is fetched and stored through `storeMedia`
// (getFile + download, adapter.ts), so the mapping itself stays testable without a network.

/** A file of an update, as the mapper asks for it to be stored. */
export interface TelegramMediaRequest {
  fileId: string;
  /** Telegram's stable id of the file: stored once however often the update is processed. */
  uniqueId: string;
  fileName: string;
  mimeType: string;
  size: number | undefined;
}

export type StoreMedia = (media: TelegramMediaRequest) => Promise<AttachmentRef | undefined>;

/** Our chat-scoped message ids: message ids are unique per chat and bot, so both are part of it. */
export function telegramMessageId(botId: string, chatId: number, messageId: number): string {
  return `${botId}:${chatId}:${messageId}`;
}

/** The bot's id: the part of its token before the colon. */
export const botIdOf = (botToken: string) => botToken.split(':')[0] ?? botToken;

function customerName(message: TelegramMessage): string | undefined {
  const { first_name, last_name, username, title } = message.chat;
  const name = [first_name, last_name].filter(Boolean).join(' ') || title || username;
  return name || undefined;
}

type Body = {
  contentType: MessageContentType;
  media?: TelegramMediaRequest;
  content: InboundMessage['content'];
};

function bodyOf(m: TelegramMessage): Body | undefined {
  const caption = m.caption === undefined ? {} : { caption: m.caption };
  if (m.text !== undefined) return { contentType: 'TEXT', content: { text: m.text } };
  const largest = m.photo?.at(-1);
  if (largest) {
    const media = {
      fileId: largest.file_id,
      uniqueId: largest.file_unique_id,
      fileName: 'photo.jpg',
      mimeType: 'image/jpeg',
      size: largest.file_size,
    };
    return { contentType: 'IMAGE', media, content: caption };
  }
  const file = m.document ?? m.audio ?? m.voice ?? m.video ?? m.video_note;
  if (file) {
    const kind: MessageContentType = m.document ? 'DOCUMENT' : m.audio || m.voice ? 'AUDIO' : 'VIDEO';
    const fallbackName = m.voice ? 'voice.ogg' : kind === 'VIDEO' ? 'video.mp4' : 'file';
    const named = file as { file_name?: string; mime_type?: string };
    const fileName = named.file_name || fallbackName;
    const mimeType = named.mime_type || '';
    const media = {
      fileId: file.file_id,
      uniqueId: file.file_unique_id,
      fileName,
      mimeType,
      size: file.file_size,
    };
    return { contentType: kind, media, content: { ...caption, fileName } };
  }
  if (m.venue) {
    const { location, title, address } = m.venue;
    return { contentType: 'LOCATION', content: { ...location, name: title, address } };
  }
  if (m.location) return { contentType: 'LOCATION', content: { ...m.location } };
  return undefined;
}

/**
 * Maps one stored Update. Messages become inbound messages (customer = the chat id, ours = the
 * bot's username); edits, messages outside private chats (groups, channels) and message kinds
 * Parley does not carry (stickers, polls …) are skipped.
 */
export async function mapUpdate(
  payload: unknown,
  connection: { id: string; sender: string; botId: string },
  storeMedia: StoreMedia,
): Promise<MappedInboundEvent> {
  const mapped: MappedInboundEvent = { messages: [], statusUpdates: [], skipped: [] };
  const update = Update.safeParse(payload);
  if (!update.success) throw new Error('Not a Telegram Update');
  const { message, update_id } = update.data;
  if (!message) {
    mapped.skipped.push({
      providerMessageId: String(update_id),
      reason: 'not a new message (an edit or another update)',
    });
    return mapped;
  }
  const providerMessageId = telegramMessageId(connection.botId, message.chat.id, message.message_id);
  // A customer is a person talking to the bot one to one; groups and channels the bot is in are not.
  if (message.chat.type !== 'private') {
    mapped.skipped.push({ providerMessageId, reason: `a ${message.chat.type} chat, not a private one` });
    return mapped;
  }
  const body = bodyOf(message);
  if (!body) {
    mapped.skipped.push({ providerMessageId, reason: 'a kind of message Parley does not carry' });
    return mapped;
  }
  const attachment = body.media && (await storeMedia(body.media));
  const name = customerName(message);
  mapped.messages.push({
    connectionId: connection.id,
    channel: 'TELEGRAM',
    providerMessageId,
    from: String(message.chat.id),
    to: connection.sender,
    receivedAt: new Date(message.date * 1000).toISOString(),
    contentType: body.contentType,
    content: attachment ? { ...body.content, attachments: [attachment] } : body.content,
    ...(name !== undefined && { customerName: name }),
  });
  return mapped;
}

import type { AttachmentRef, MessageContentType } from '@parley/contracts';
import type { OutboundMessage } from '../adapter.ts';
import { ChannelError } from '../channel-error.ts';

// Parley's outbound message → one Bot API call. Stored files are uploaded (multipart), so the bot
// never needs Parley to be reachable from Telegram; a provider URL is passed as it is.

/** The method and the file field of each media kind. */
const MEDIA: Partial<Record<MessageContentType, { method: string; field: string }>> = {
  IMAGE: { method: 'sendPhoto', field: 'photo' },
  DOCUMENT: { method: 'sendDocument', field: 'document' },
  AUDIO: { method: 'sendAudio', field: 'audio' },
  VIDEO: { method: 'sendVideo', field: 'video' },
};

export interface BotApiCall {
  method: string;
  params: Record<string, unknown> | FormData;
}

const missing = (what: string) =>
  new ChannelError('unsupported_content', false, `Cannot send: ${what} is missing`);

/** The Bot API call for a message; `readFile` loads a stored attachment's bytes. */
export async function toBotApiCall(
  message: OutboundMessage,
  readFile: (ref: AttachmentRef) => Promise<Buffer>,
): Promise<BotApiCall> {
  const chat_id = message.to;
  const { content } = message;
  if (message.contentType === 'LOCATION') {
    if (content.latitude === undefined || content.longitude === undefined) throw missing('the location');
    const { latitude, longitude, name, address } = content;
    return name && address
      ? { method: 'sendVenue', params: { chat_id, latitude, longitude, title: name, address } }
      : { method: 'sendLocation', params: { chat_id, latitude, longitude } };
  }
  const media = MEDIA[message.contentType];
  if (media) {
    const [file] = content.attachments ?? [];
    if (!file) {
      if (!content.url) throw missing('the file');
      return {
        method: media.method,
        params: { chat_id, [media.field]: content.url, caption: content.caption },
      };
    }
    const form = new FormData();
    form.set('chat_id', chat_id);
    if (content.caption) form.set('caption', content.caption);
    form.set(
      media.field,
      new Blob([new Uint8Array(await readFile(file))], { type: file.mimeType }),
      file.fileName,
    );
    return { method: media.method, params: form };
  }
  // TEXT, and TEMPLATE by its rendered text (Telegram has no templates).
  if (!content.text) throw missing('the text');
  return { method: 'sendMessage', params: { chat_id, text: content.text } };
}

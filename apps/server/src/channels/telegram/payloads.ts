import { z } from 'zod';

// The parts of Telegram Bot API objects Parley reads (https://core.telegram.org/bots/api#update).
// Unknown fields are ignored, so newer Bot API versions keep working.

const FileRef = z.object({
  file_id: z.string(),
  /** Stable across bots and time: the attachment store's source key. */
  file_unique_id: z.string(),
  file_size: z.number().optional(),
});

export const PhotoSize = FileRef.extend({ width: z.number(), height: z.number() });

const Chat = z.object({
  id: z.number(),
  type: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  title: z.string().optional(),
});

const Location = z.object({ latitude: z.number(), longitude: z.number() });

export const TelegramMessage = z.object({
  message_id: z.number(),
  date: z.number(),
  chat: Chat,
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(PhotoSize).optional(),
  document: FileRef.extend({ file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
  audio: FileRef.extend({ file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
  voice: FileRef.extend({ mime_type: z.string().optional() }).optional(),
  video: FileRef.extend({ file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
  video_note: FileRef.optional(),
  location: Location.optional(),
  venue: z.object({ location: Location, title: z.string(), address: z.string() }).optional(),
});
export type TelegramMessage = z.infer<typeof TelegramMessage>;

/** One webhook call: exactly one of the optional fields is set. */
export const Update = z.object({
  update_id: z.number(),
  message: TelegramMessage.optional(),
  edited_message: TelegramMessage.optional(),
});
export type Update = z.infer<typeof Update>;

/** Every Bot API answer: `ok` with a `result`, or an error with its code and description. */
export const ApiResponse = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional() }).optional(),
});

export const BotUser = z.object({ id: z.number(), is_bot: z.boolean(), username: z.string().optional() });
export const SentMessage = z.object({ message_id: z.number(), chat: z.object({ id: z.number() }) });
export const TelegramFile = z.object({ file_id: z.string(), file_path: z.string().optional() });

/** The header Telegram puts the webhook's secret_token in. */
export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

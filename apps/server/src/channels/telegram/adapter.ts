import { TelegramSettings } from '@parley/contracts';
import { findAttachmentBySource, findAttachmentContent } from '../../modules/attachments/attachments.repo.ts';
import {
  attachmentRef,
  maxAttachmentBytes,
  storeAttachment,
} from '../../modules/attachments/attachments.service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { AdapterConnection, ChannelAdapter } from '../adapter.ts';
import { ChannelError } from '../channel-error.ts';
import { callBotApi, downloadFile } from './client.ts';
import { botIdOf, mapUpdate, type StoreMedia, telegramMessageId } from './mapper.ts';
import { BotUser, SECRET_HEADER, SentMessage, TelegramFile } from './payloads.ts';
import { telegramSecretToken } from './secret.ts';
import { toBotApiCall } from './send.ts';
import { registerTelegramWebhook, TELEGRAM_WEBHOOK_PATH } from './webhook.routes.ts';

type TelegramConnection = AdapterConnection<TelegramSettings>;

const webhookUrl = (origin: string, connection: { id: string }) =>
  `${origin}${TELEGRAM_WEBHOOK_PATH}/${connection.id}`;

/** getFile + download + store, once per file (Telegram's file_unique_id); files above the limit stay unfetched. */
function mediaStore(ctx: AppContext, connection: TelegramConnection): StoreMedia {
  return async (media) => {
    const stored = await findAttachmentBySource(ctx.db.orm, connection.id, media.uniqueId);
    if (stored) return attachmentRef(stored);
    if (media.size !== undefined && media.size > maxAttachmentBytes(ctx.config)) return undefined;
    const file = TelegramFile.parse(
      await callBotApi(connection.settings, 'getFile', { file_id: media.fileId }),
    );
    if (!file.file_path) return undefined;
    const bytes = await downloadFile(connection.settings, file.file_path);
    return storeAttachment(ctx.db.orm, ctx.config, {
      bytes,
      fileName: media.fileName === 'file' ? (file.file_path.split('/').pop() ?? 'file') : media.fileName,
      declaredType: media.mimeType,
      connectionId: connection.id,
      sourceKey: media.uniqueId,
    });
  };
}

/** Telegram bots through the Bot API: webhook in, sendMessage/sendPhoto/sendDocument/… out. */
export const telegramAdapter: ChannelAdapter<TelegramSettings> = {
  provider: 'telegram',
  channels: ['TELEGRAM'],
  settings: TelegramSettings,
  secretFields: ['botToken'],

  register: (app, ctx, inbound) => registerTelegramWebhook(app, ctx, inbound),

  webhook: (connection, { origin, secret }) => ({
    url: webhookUrl(origin, connection),
    scheme: 'header',
    header: SECRET_HEADER,
    // Parley registers the webhook itself (test); the token is shown once for a manual setWebhook.
    ...(secret !== undefined && { password: telegramSecretToken(connection) }),
  }),

  mapInbound: (payload, connection, ctx) =>
    mapUpdate(
      payload,
      { id: connection.id, sender: connection.sender, botId: botIdOf(connection.settings.botToken) },
      mediaStore(ctx, connection),
    ),

  async send(message, connection, ctx) {
    const call = await toBotApiCall(message, async (ref) => {
      const bytes = await findAttachmentContent(ctx.db.orm, ref.id);
      if (!bytes)
        throw new ChannelError('unsupported_content', false, `Cannot send: file ${ref.fileName} is gone`);
      return bytes;
    });
    const sent = SentMessage.safeParse(await callBotApi(connection.settings, call.method, call.params));
    // Telegram took the message; an unreadable answer must not make the job send it again.
    if (!sent.success)
      throw new ChannelError(
        'invalid_response',
        false,
        'Telegram accepted the message but its answer was unreadable',
      );
    return {
      providerMessageId: telegramMessageId(
        botIdOf(connection.settings.botToken),
        sent.data.chat.id,
        sent.data.message_id,
      ),
    };
  },

  async test(connection, _ctx, { origin }) {
    const bot = BotUser.parse(await callBotApi(connection.settings, 'getMe', {}));
    const username = bot.username ?? '';
    const sender = connection.sender.replace(/^@/, '');
    if (username.toLowerCase() !== sender.toLowerCase()) {
      return {
        ok: false,
        message: `The token belongs to @${username}, but the sender is ${connection.sender}`,
      };
    }
    const url = webhookUrl(origin, connection);
    await callBotApi(connection.settings, 'setWebhook', {
      url,
      secret_token: telegramSecretToken(connection),
      allowed_updates: ['message'],
    });
    return { ok: true, message: `Bot @${username} answers; its webhook is set to ${url}` };
  },
};

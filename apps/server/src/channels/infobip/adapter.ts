import { INFOBIP_CHANNELS, InfobipSettings } from '@parley/contracts';
import { signedUrlOfRef } from '../../modules/attachments/attachments.service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { AdapterConnection, ChannelAdapter } from '../adapter.ts';
import { ChannelError } from '../channel-error.ts';
import { isSandboxBaseUrl } from '../sandbox/sandbox-address.ts';
import { sendMessage, validateConnection } from './client.ts';
import { registerInboundMedia } from './inbound-media.ts';
import { mapWebhookPayload } from './mapper.ts';
import { registerTemplateSync, syncUnsynchronisedLines } from './template-sync.ts';
import { INFOBIP_WEBHOOK_PATH, reportPassword } from './verify.ts';
import { registerInfobipWebhook } from './webhook.routes.ts';

type InfobipConnection = AdapterConnection<InfobipSettings>;

// With PUBLIC_URL known, each send tells Infobip where to post its reports, credentials included
// (the URL form of the Basic security profile, docs/channels-infobip.md). Only the secret's hash is
// stored, so the URL carries the report password, which the webhook accepts for reports only.
function reportUrl(ctx: AppContext, connection: InfobipConnection): string | undefined {
  if (!ctx.config.PUBLIC_URL) return undefined;
  const url = new URL(`${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}${INFOBIP_WEBHOOK_PATH}`);
  url.username = connection.id;
  url.password = reportPassword(connection);
  return url.toString();
}

/** The Infobip Messages API (SMS, WhatsApp, Viber, Messenger): one webhook in, one send call out. */
export const infobipAdapter: ChannelAdapter<InfobipSettings> = {
  provider: 'infobip',
  channels: INFOBIP_CHANNELS,
  settings: InfobipSettings,
  secretFields: ['apiKey'],

  async register(app, ctx, inbound) {
    registerTemplateSync(ctx);
    app.addHook('onListen', async () => {
      await syncUnsynchronisedLines(ctx).catch((err: unknown) =>
        ctx.logger.warn({ err }, 'could not queue the first WhatsApp template synchronisations'),
      );
    });
    registerInboundMedia(ctx);
    await registerInfobipWebhook(app, ctx, inbound);
  },

  webhook: (connection, { origin, secret }) => ({
    url: `${origin}${INFOBIP_WEBHOOK_PATH}`,
    scheme: 'basic',
    username: connection.id,
    ...(secret !== undefined && { password: secret }),
  }),

  mapInbound: (payload, connection) => mapWebhookPayload(connection.id, payload),

  // Infobip's validate endpoint checks the key and a request from our sender without sending it.
  test: (connection) =>
    validateConnection({ channel: connection.channel, sender: connection.sender, ...connection.settings }),

  async send(message, connection, ctx) {
    const [attachment] = message.content.attachments ?? [];
    // Infobip fetches media itself: it gets a signed URL of the stored file, valid for a day. That
    // URL must be public; only the built-in sandbox (this very server) reaches a loopback one.
    if (attachment && !ctx.config.PUBLIC_URL && !isSandboxBaseUrl(connection.settings.baseUrl)) {
      throw new ChannelError(
        'unsupported_content',
        false,
        'Set PUBLIC_URL so Infobip can fetch the file: without a public address Parley cannot send media',
      );
    }
    const mediaUrl = attachment && (await signedUrlOfRef(ctx.db.orm, ctx.config, attachment));
    const url = reportUrl(ctx, connection);
    return sendMessage(
      { channel: connection.channel, sender: connection.sender, ...connection.settings },
      {
        id: message.id,
        to: message.to,
        contentType: message.contentType,
        content: message.content,
        ...(mediaUrl !== undefined && { mediaUrl }),
      },
      url === undefined ? {} : { reportUrl: url },
    );
  },
};

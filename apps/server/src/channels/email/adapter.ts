import { EMAIL_SECRET_FIELDS, EmailConnectionSettings } from '@parley/contracts';
import { z } from 'zod';
import { findAttachmentContent } from '../../modules/attachments/attachments.repo.ts';
import { getAttachment, storeAttachment } from '../../modules/attachments/attachments.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { AdapterConnection, ChannelAdapter } from '../adapter.ts';
import { mapEmailEvent, type StoreEmailFile } from './inbound.ts';
import { createEmailListener } from './listener.ts';
import { type ReadEmailFile, sendEmailMessage } from './outbound.ts';
import { verifySmtp } from './smtp-client.ts';

/** The inbound event of a received mail (receive.ts), checked when it is read back. */
const EmailEventPayload = z.object({
  rawId: z.uuid(),
  messageId: z.string(),
  mailFrom: z.string().optional(),
  rcptTo: z.array(z.string()),
  receivedAt: z.string(),
});

function storeFile(ctx: AppContext, connection: AdapterConnection): StoreEmailFile {
  return async (file, sourceKey) => {
    try {
      const ref = await storeAttachment(ctx.db.orm, ctx.config, {
        bytes: file.bytes,
        fileName: file.fileName,
        declaredType: file.mimeType,
        connectionId: connection.id,
        sourceKey,
      });
      return { ref, url: `/api/attachments/${ref.id}` };
    } catch (error) {
      // Too large for the store: the text tells the agent instead.
      if (error instanceof AppError && error.status === 413) return undefined;
      throw error;
    }
  };
}

function readFile(ctx: AppContext): ReadEmailFile {
  return async (ref) => {
    const [meta, bytes] = await Promise.all([
      getAttachment(ctx.db.orm, ref.id),
      findAttachmentContent(ctx.db.orm, ref.id),
    ]);
    if (!bytes) throw new Error(`Attachment ${ref.id} has no content`);
    return { fileName: meta.fileName, mimeType: meta.mimeType, bytes };
  };
}

/**
 * E-mail: Parley's own SMTP listener in (SMTP_LISTENER_PORT), the connection's SMTP server out
 * (docs/email.md). The connection's sender is our address.
 */
export const emailAdapter: ChannelAdapter<EmailConnectionSettings> = {
  provider: 'email',
  channels: ['EMAIL'],
  settings: EmailConnectionSettings,
  secretFields: EMAIL_SECRET_FIELDS,

  async register(app, ctx, inbound) {
    const listener = createEmailListener(ctx, (connectionId, payload) =>
      inbound.store(connectionId, payload),
    );
    if (!listener) return;
    app.addHook('onReady', async () => {
      await listener.start();
    });
    app.addHook('onClose', () => listener.stop());
  },

  mapInbound: (payload, connection, ctx) =>
    mapEmailEvent(ctx.db, connection, EmailEventPayload.parse(payload), storeFile(ctx, connection)),

  send: (message, connection, ctx) => sendEmailMessage(ctx.db, message, connection.settings, readFile(ctx)),

  test: (connection) => verifySmtp(connection.settings.smtp),
};

import { type Channel, INFOBIP_CHANNELS, InfobipSettings, type MessageContentType } from '@parley/contracts';
import { maxAttachmentBytes, storeAttachment } from '../../modules/attachments/attachments.service.ts';
import { findEnabledConnectionBySender } from '../../modules/channel-connections/channel-connections.repo.ts';
import { replaceInboundContent } from '../../modules/messages/inbound-media.service.ts';
import { findMessageById } from '../../modules/messages/messages.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { ChannelError } from '../channel-error.ts';
import { channelErrorFromFetchFailure, channelErrorFromHttp } from './errors.ts';

// A customer's picture, clip, voice note or file reaches Parley as a URL on Infobip's API, which
// only the account's API key opens. The message is stored at once (nothing waits for media); a job
// then fetches the file into Parley's attachment store, so agents open it like any other file.

export const INBOUND_MEDIA_JOB = 'infobip.fetch-inbound-media';

const MEDIA = new Set<MessageContentType>(['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT']);
const INFOBIP = new Set<Channel>(INFOBIP_CHANNELS);
const FETCH_TIMEOUT_MS = 30_000;

interface InboundMediaJob {
  messageId: string;
}

function fileNameOf(url: string, disposition: string | null, contentType: MessageContentType): string {
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  if (named) return decodeURIComponent(named);
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : contentType.toLowerCase();
}

/** Reads a body up to `limit` bytes; past it the download is aborted (a lying or absent length). */
async function readCapped(response: Response, limit: number, abort: AbortController): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) {
      abort.abort();
      throw new ChannelError('unsupported_content', false, 'The media is larger than Parley stores');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads a media URL with the API key. Only URLs on the account's own origin (Infobip's media
 * URLs) are fetched, and no redirect is followed: a webhook cannot make Parley fetch anything else.
 * At most `limit` bytes are read.
 */
export async function downloadMedia(url: string, settings: InfobipSettings, limit: number) {
  if (new URL(url).origin !== new URL(settings.baseUrl).origin) {
    throw new ChannelError(
      'unsupported_content',
      false,
      "The media URL is not on the connection's Infobip address",
    );
  }
  const abort = new AbortController();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `App ${settings.apiKey}` },
      redirect: 'manual',
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
    });
  } catch (error) {
    throw channelErrorFromFetchFailure(error, { idempotent: true });
  }
  if (!response.ok) throw channelErrorFromHttp(response.status, undefined);
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    abort.abort();
    throw new ChannelError('unsupported_content', false, 'The media is larger than Parley stores');
  }
  let bytes: Buffer;
  try {
    bytes = await readCapped(response, limit, abort);
  } catch (error) {
    throw channelErrorFromFetchFailure(error, { idempotent: true });
  }
  return {
    bytes,
    type: response.headers.get('content-type') ?? 'application/octet-stream',
    disposition: response.headers.get('content-disposition'),
  };
}

/**
 * Stores one inbound message's media in the attachment store and points the message at it. A
 * retryable failure (Infobip unreachable, 5xx) is thrown so the job is retried; a permanent one
 * (gone, refused, too large) leaves the provider URL on the message and is logged.
 */
export async function fetchInboundMedia(ctx: AppContext, messageId: string): Promise<void> {
  const message = await findMessageById(ctx.db.orm, messageId);
  const url = message?.content.url;
  if (
    !message ||
    url === undefined ||
    message.content.attachments?.length ||
    !MEDIA.has(message.contentType)
  ) {
    return;
  }
  const connection = await findEnabledConnectionBySender(ctx.db.orm, message.channel, message.toAddress);
  const settings = InfobipSettings.safeParse(connection?.settings);
  if (connection?.provider !== 'infobip' || !settings.success) return;
  try {
    const file = await downloadMedia(url, settings.data, maxAttachmentBytes(ctx.config));
    const ref = await storeAttachment(ctx.db.orm, ctx.config, {
      bytes: file.bytes,
      fileName: fileNameOf(url, file.disposition, message.contentType),
      declaredType: file.type,
      connectionId: connection.id,
      sourceKey: message.providerMessageId ?? message.id,
    });
    const { url: _providerUrl, ...rest } = message.content;
    await replaceInboundContent(ctx.events, message.id, { ...rest, attachments: [ref] });
  } catch (error) {
    if (error instanceof ChannelError && error.retryable) throw error;
    if (!(error instanceof ChannelError || error instanceof AppError)) throw error;
    ctx.logger.warn({ messageId, err: error.message }, 'inbound media kept as the provider URL');
  }
}

/** Queues the media fetch of every customer media message on an Infobip channel. */
export function registerInboundMedia(ctx: AppContext): void {
  ctx.jobs.register<InboundMediaJob>(INBOUND_MEDIA_JOB, (job) => fetchInboundMedia(ctx, job.messageId));
  ctx.events.on('message.received', async (event) => {
    const { messageId, channel, contentType } = event.payload as {
      messageId: string;
      channel: Channel;
      contentType: MessageContentType;
    };
    if (!INFOBIP.has(channel) || !MEDIA.has(contentType)) return;
    await ctx.jobs.send<InboundMediaJob>(INBOUND_MEDIA_JOB, { messageId }, { singletonKey: messageId });
  });
}

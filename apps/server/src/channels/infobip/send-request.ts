import {
  type Channel,
  type FilledTemplateHeader,
  type FilledTemplateParts,
  TEMPLATE_CHANNELS,
} from '@parley/contracts';
import { ChannelError } from '../channel-error.ts';
import { messagesApiChannelOf } from './channel-names.ts';
import type { ContentBody, InfobipConnection, OutboundMessage } from './types.ts';

// Parley's outbound message → the body of Infobip's `POST /messages-api/1/messages` (reference
// `MessagesApiRequest`). Every body built here validates against the reference schema (tests).

// WhatsApp shows only these as images and videos; any other picture or clip goes as a document,
// which WhatsApp accepts of every type, rather than being refused.
const WHATSAPP_INLINE: Record<string, ReadonlySet<string>> = {
  IMAGE: new Set(['image/jpeg', 'image/png']),
  VIDEO: new Set(['video/mp4', 'video/3gpp']),
};

function requireField<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') {
    throw new ChannelError('unsupported_content', false, `Cannot send: ${what} is missing`);
  }
  return value;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The file of a media message: a stored attachment (fetched by the provider from `mediaUrl`) or a provider URL. */
function mediaOf(outbound: OutboundMessage): { url: string; fileName?: string; mimeType?: string } {
  const [attachment] = outbound.content.attachments ?? [];
  if (attachment !== undefined) {
    return {
      url: requireField(outbound.mediaUrl, 'the attachment URL'),
      fileName: attachment.fileName,
      mimeType: attachment.mimeType,
    };
  }
  return { url: requireField(outbound.content.url, 'url'), fileName: outbound.content.fileName };
}

function mediaBody(channel: Channel, outbound: OutboundMessage): Record<string, unknown> {
  const media = mediaOf(outbound);
  const caption = outbound.content.caption;
  let type: string = outbound.contentType;
  const inline = WHATSAPP_INLINE[type];
  if (channel === 'WHATSAPP' && inline && media.mimeType !== undefined && !inline.has(media.mimeType)) {
    type = 'DOCUMENT';
  }
  // The Messages API has no outbound audio body; an audio file still reaches the customer as a document.
  if (type === 'AUDIO') type = 'DOCUMENT';
  return withoutUndefined({
    type,
    url: media.url,
    text: caption,
    filename: type === 'DOCUMENT' ? media.fileName : undefined,
  });
}

function messageBody(channel: Channel, outbound: OutboundMessage): Record<string, unknown> {
  const { content } = outbound;
  switch (outbound.contentType) {
    case 'TEXT':
      return { type: 'TEXT', text: requireField(content.text, 'text') };
    case 'IMAGE':
    case 'VIDEO':
    case 'AUDIO':
    case 'DOCUMENT':
      return mediaBody(channel, outbound);
    case 'LOCATION':
      return withoutUndefined({
        type: 'LOCATION',
        latitude: requireField(content.latitude, 'latitude'),
        longitude: requireField(content.longitude, 'longitude'),
        name: content.name,
        address: content.address,
      });
    case 'TEMPLATE':
      throw new ChannelError('unsupported_content', false, 'A template is no free-form message');
  }
}

function templateHeader(header: FilledTemplateHeader | undefined): Record<string, unknown> | undefined {
  switch (header?.format) {
    case 'TEXT':
      // A header without a placeholder is fixed in the template and takes no value.
      return header.parameter === undefined ? undefined : { type: 'TEXT', 1: header.parameter };
    case 'IMAGE':
    case 'VIDEO':
      return { type: header.format, url: requireField(header.url, 'the header URL') };
    case 'DOCUMENT':
      return {
        type: 'DOCUMENT',
        url: requireField(header.url, 'the header URL'),
        filename: requireField(header.fileName, 'the header file name'),
      };
    case 'LOCATION':
      return {
        type: 'LOCATION',
        latitude: requireField(header.latitude, 'the header latitude'),
        longitude: requireField(header.longitude, 'the header longitude'),
      };
    default:
      return undefined;
  }
}

// Only buttons that take a value are sent; fixed ones (quick replies, phone numbers, static URLs)
// are part of the approved template. An authentication code goes as the URL suffix of its button,
// as the reference's "Template authentication message with copy code button" shows.
function templateButtons(parts: FilledTemplateParts | undefined): Array<Record<string, unknown>> {
  return (parts?.buttons ?? []).flatMap((button): Array<Record<string, unknown>> => {
    if (button.parameter === undefined) return [];
    if (button.type === 'COPY_CODE') return [{ type: 'COPY_CODE', code: button.parameter }];
    return [{ type: 'OPEN_URL', suffix: button.parameter }];
  });
}

function templateContent(content: ContentBody): Record<string, unknown> {
  // Body placeholders are positional: {{1}}, {{2}} … in the approved template.
  const body = Object.fromEntries([
    ['type', 'TEXT'],
    ...(content.placeholders ?? []).map((value, index) => [String(index + 1), value]),
  ]);
  const header = templateHeader(content.template?.header);
  const buttons = templateButtons(content.template);
  return { ...(header && { header }), body, ...(buttons.length > 0 && { buttons }) };
}

/**
 * Builds the `POST /messages-api/1/messages` body for one outbound message. Our message id goes out
 * as the destination's messageId and as callbackData, so delivery and seen reports name our message.
 * `reportUrl` asks Infobip to post this message's delivery and seen reports there. A Messenger
 * message tag rides in the body as `tag`, where the Conversations API reference puts it
 * (docs/channel-rules.md: the Messages API reference names no field for it).
 */
export function toSendRequest(
  connection: Pick<InfobipConnection, 'channel' | 'sender'>,
  outbound: OutboundMessage,
  options: { reportUrl?: string } = {},
): { messages: Array<Record<string, unknown>> } {
  const channel = messagesApiChannelOf(connection.channel);
  if (channel === undefined) {
    throw new ChannelError(
      'unsupported_channel',
      false,
      `Infobip Messages API does not carry ${connection.channel}`,
    );
  }
  const reports =
    options.reportUrl === undefined
      ? {}
      : { delivery: { url: options.reportUrl }, seen: { url: options.reportUrl } };
  const message: Record<string, unknown> = {
    channel,
    sender: connection.sender,
    destinations: [{ to: outbound.to, messageId: outbound.id }],
    webhooks: { ...reports, callbackData: outbound.id },
  };
  const { content } = outbound;
  if (outbound.contentType === 'TEMPLATE') {
    if (!TEMPLATE_CHANNELS.includes(connection.channel)) {
      throw new ChannelError('unsupported_content', false, `Infobip has no templates on ${channel}`);
    }
    message.template = withoutUndefined({
      templateName: requireField(content.templateName, 'templateName'),
      language: content.language,
    });
    message.content = templateContent(content);
  } else {
    const body = messageBody(connection.channel, outbound);
    if (connection.channel === 'FACEBOOK_MESSENGER' && content.messengerTag !== undefined) {
      body.tag = content.messengerTag;
    }
    message.content = { body };
  }
  return { messages: [message] };
}

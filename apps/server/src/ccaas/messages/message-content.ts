import {
  CHANNELS,
  type Channel,
  LIMITS,
  MESSENGER_TAGS,
  type MessageContentType,
  MessengerTag,
} from '@parley/contracts';
import type { MessageContent } from '../../modules/messages/messages.schema.ts';
import { ccaasBadRequest, ccaasFieldError } from '../errors.ts';

// Infobip's message content ↔ Parley's stored content. Only what Parley can send is accepted;
// the rest is refused with 400 rather than stored and never delivered.

const MEDIA = new Set<MessageContentType>(['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The channel, or 400 when Parley does not carry it. */
export function parleyChannel(channel: string): Channel {
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    throw ccaasBadRequest(`Channel ${channel} is not supported`);
  }
  return channel as Channel;
}

/**
 * The reference's Messenger message tag (`content.tag`, D7) on a Messenger reply, or 400 when it is
 * none of the three; other channels have no tags, and the field is ignored there.
 */
function messengerTagOf(channel: string, content: Record<string, unknown>): { messengerTag?: MessengerTag } {
  if (content.tag === undefined || channel !== 'FACEBOOK_MESSENGER') return {};
  const tag = MessengerTag.safeParse(content.tag);
  if (!tag.success) throw ccaasFieldError('content.tag', `must be one of ${MESSENGER_TAGS.join(', ')}`);
  return { messengerTag: tag.data };
}

/** Converts the reference's `content` of one content type to Parley's, checking what each type needs. */
export function toParleyContent(
  contentType: string,
  content: Record<string, unknown>,
  channel = '',
): { contentType: MessageContentType; content: MessageContent } {
  if (contentType === 'TEXT') {
    const text = str(content.text);
    if (!text?.trim()) throw ccaasFieldError('content', 'must not be blank');
    if ([...text].length > LIMITS.messageText) {
      throw ccaasFieldError('content', `size cannot be longer than ${LIMITS.messageText} characters.`);
    }
    return { contentType, content: { text, ...messengerTagOf(channel, content) } };
  }
  if (MEDIA.has(contentType as MessageContentType)) {
    const url = str(content.url);
    if (!url) throw ccaasFieldError('content.url', 'must not be blank');
    const caption = str(content.caption) ?? str(content.text);
    const fileName = str(content.fileName) ?? str(content.filename);
    return {
      contentType: contentType as MessageContentType,
      content: {
        url,
        ...(caption && { caption }),
        ...(fileName && { fileName }),
        ...messengerTagOf(channel, content),
      },
    };
  }
  if (contentType === 'LOCATION') {
    const latitude = num(content.latitude);
    const longitude = num(content.longitude);
    if (latitude === undefined || longitude === undefined) {
      throw ccaasFieldError('content', 'latitude and longitude are required');
    }
    const name = str(content.locationName);
    const address = str(content.address);
    return {
      contentType,
      content: { latitude, longitude, ...(name && { name }), ...(address && { address }) },
    };
  }
  if (contentType === 'TEMPLATE') {
    const templateName = str(content.templateName);
    const language = str(content.language);
    if (!templateName || !language)
      throw ccaasFieldError('content', 'templateName and language are required');
    const parameters = Array.isArray(content.parameters) ? content.parameters : [];
    const placeholders = parameters.map((p) => str((p as { default?: unknown } | null)?.default) ?? '');
    return { contentType, content: { templateName, language, placeholders } };
  }
  throw ccaasBadRequest(`Content type ${contentType} is not supported`);
}

/** Parley's stored content in the reference's spelling (LOCATION `name` → `locationName`, TEMPLATE placeholders → parameters). */
export function toCcaasContent(
  contentType: MessageContentType,
  content: MessageContent,
): Record<string, unknown> {
  if (contentType === 'LOCATION') {
    const { name, ...rest } = content;
    return { ...rest, ...(name !== undefined && { locationName: name }) };
  }
  if (contentType === 'TEMPLATE') {
    const { placeholders, template: _parts, ...rest } = content;
    return { ...rest, parameters: (placeholders ?? []).map((p) => ({ default: p })) };
  }
  const { messengerTag, ...rest } = content;
  return { ...rest, ...(messengerTag !== undefined && { tag: messengerTag }) };
}

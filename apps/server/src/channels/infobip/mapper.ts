import type { MessageContentType } from '@parley/contracts';
import { parleyChannelOf } from './channel-names.ts';
import { InfobipPayloadError } from './errors.ts';
import {
  DeliveryResult,
  FormSelections,
  type IncomingContentPart,
  MoEvent,
  type MoEvent as MoEventType,
  SeenResult,
  WebhookEnvelope,
} from './payloads.ts';
import type { ContentBody, DeliveryStatusUpdate, MappedWebhook, SkippedEvent } from './types.ts';

/** Infobip writes offsets without a colon ("+0000"); the rest of Parley speaks strict ISO 8601 UTC. */
export function toIsoTimestamp(value: string): string | undefined {
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(normalized);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Content of ours, or `unsupported`: what arrived that Parley cannot show (told to the agent). */
type PartMapping = { contentType: MessageContentType; content: ContentBody } | { unsupported: string };

function mapContentPart(part: IncomingContentPart): PartMapping {
  const caption = part.text === undefined ? {} : { caption: part.text };
  switch (part.type) {
    case 'TEXT':
    case 'LIST_REPLY':
    case 'BUTTON_REPLY':
      // A picked list item or button reaches the agent as the words the customer chose.
      return part.text === undefined
        ? { unsupported: `${part.type} without text` }
        : { contentType: 'TEXT', content: { text: part.text } };
    case 'URL':
      return part.url === undefined
        ? { unsupported: 'URL without url' }
        : { contentType: 'TEXT', content: { text: part.url, url: part.url } };
    case 'IMAGE':
    case 'VIDEO':
    case 'AUDIO':
    case 'DOCUMENT':
    case 'FILE': {
      if (part.url === undefined) return { unsupported: `${part.type} without url` };
      const contentType = part.type === 'FILE' ? 'DOCUMENT' : part.type;
      return { contentType, content: { url: part.url, ...caption } };
    }
    case 'LOCATION': {
      const { latitude, longitude, url } = part;
      if (url === undefined && (latitude === undefined || longitude === undefined)) {
        return { unsupported: 'LOCATION without coordinates or url' };
      }
      return { contentType: 'LOCATION', content: { latitude, longitude, url } };
    }
    case 'FORM_RESPONSE':
      return formResponse(part);
    default:
      return { unsupported: part.type };
  }
}

/** A form the customer filled (Apple Messages for Business) reaches the agent as its questions and answers. */
function formResponse(part: IncomingContentPart): PartMapping {
  const selections = FormSelections.safeParse(part.selections);
  if (!selections.success || selections.data.length === 0)
    return { unsupported: 'FORM_RESPONSE without answers' };
  const lines = selections.data.map((page) => {
    const answers = page.items.map((item) => item.value ?? item.title ?? '').filter((a) => a !== '');
    return `${page.text ?? 'Answer'}: ${answers.length > 0 ? answers.join(', ') : '—'}`;
  });
  return { contentType: 'TEXT', content: { text: ['Form response', ...lines].join('\n') } };
}

/**
 * The customer did write something: an agent who saw nothing would think they had not. So a part
 * Parley cannot show (a reaction, a payment, a flow response …) arrives as text saying what it was.
 */
function unsupportedPartText(what: string): { contentType: 'TEXT'; content: ContentBody } {
  return { contentType: 'TEXT', content: { text: `[Unsupported message type: ${what}]` } };
}

// One Infobip message may carry several parts (MMS: media + text + subject; several files). Each
// part becomes its own message; the first keeps Infobip's id and the others get a stable suffix so
// a redelivered event is still recognised as a duplicate part by part.
function mapMoEvent(connectionId: string, event: MoEventType, out: MappedWebhook): void {
  const channel = parleyChannelOf(event.channel);
  if (channel === undefined) {
    out.skipped.push({ providerMessageId: event.messageId, reason: `unsupported channel ${event.channel}` });
    return;
  }
  // An unreadable or missing time must not lose what the customer wrote: ingest orders messages by
  // arrival, not by receivedAt, so the server's time stands in.
  const receivedAt =
    (event.receivedAt === undefined ? undefined : toIsoTimestamp(event.receivedAt)) ??
    new Date().toISOString();
  const subject = event.content.find((part) => part.type === 'SUBJECT');
  const subjectText = subject?.cleanText ?? subject?.text;
  const mapped: Array<{ contentType: MessageContentType; content: ContentBody }> = [];
  for (const part of event.content) {
    if (part.type === 'SUBJECT') continue;
    const result = mapContentPart(part);
    mapped.push('unsupported' in result ? unsupportedPartText(result.unsupported) : result);
  }
  if (mapped.length === 0 && subjectText !== undefined) {
    mapped.push({ contentType: 'TEXT', content: { text: subjectText } });
  }
  mapped.forEach((part, index) => {
    const content =
      index === 0 && subjectText !== undefined ? { ...part.content, subject: subjectText } : part.content;
    out.messages.push({
      connectionId,
      channel,
      providerMessageId: index === 0 ? event.messageId : `${event.messageId}#${index + 1}`,
      from: event.sender,
      to: event.destination,
      receivedAt,
      contentType: part.contentType,
      content: withoutUndefined(content),
    });
  });
}

function withoutUndefined(content: ContentBody): ContentBody {
  return Object.fromEntries(
    Object.entries(content).filter(([, value]) => value !== undefined),
  ) as ContentBody;
}

const FAILED_GROUPS = new Set(['UNDELIVERABLE', 'EXPIRED', 'REJECTED']);

function mapDelivery(result: DeliveryResult): DeliveryStatusUpdate | SkippedEvent {
  const at = toIsoTimestamp(result.doneAt);
  if (at === undefined)
    return { providerMessageId: result.messageId, reason: `invalid doneAt ${result.doneAt}` };
  const group = result.status.groupName;
  if (group === 'DELIVERED') return { providerMessageId: result.messageId, state: 'DELIVERED', at };
  if (FAILED_GROUPS.has(group)) {
    const reason = result.error?.description ?? result.status.description ?? result.status.name ?? group;
    return { providerMessageId: result.messageId, state: 'FAILED', reason, at };
  }
  // ACCEPTED and PENDING: handed on towards the handset, no final word yet.
  return { providerMessageId: result.messageId, state: 'SENT', at };
}

/**
 * Turns any Infobip Messages API webhook body (incoming messages, delivery reports, seen reports —
 * the three share the `results` envelope and differ by `event`) into Parley's shapes. Message
 * content Parley cannot show becomes a text saying what arrived; results that are no message
 * (typing indicators, unknown events, unsupported channels, malformed results) come back in
 * `skipped` with a reason; only a body that is not an Infobip payload at all throws
 * InfobipPayloadError.
 */
export function mapWebhookPayload(connectionId: string, payload: unknown): MappedWebhook {
  const envelope = WebhookEnvelope.safeParse(payload);
  if (!envelope.success)
    throw new InfobipPayloadError('Expected an Infobip webhook body with a results array');
  const out: MappedWebhook = { messages: [], statusUpdates: [], skipped: [] };
  for (const result of envelope.data.results) {
    const providerMessageId = result.messageId ?? '';
    const parsed =
      result.event === 'MO'
        ? MoEvent.safeParse(result)
        : result.event === 'DELIVERY'
          ? DeliveryResult.safeParse(result)
          : result.event === 'SEEN'
            ? SeenResult.safeParse(result)
            : undefined;
    if (parsed === undefined) {
      out.skipped.push({ providerMessageId, reason: `unsupported event ${result.event ?? '(none)'}` });
    } else if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
      out.skipped.push({ providerMessageId, reason: `malformed ${result.event} event (${fields})` });
    } else if (parsed.data.event === 'MO') {
      mapMoEvent(connectionId, parsed.data, out);
    } else if (parsed.data.event === 'DELIVERY') {
      const mapped = mapDelivery(parsed.data);
      if ('state' in mapped) out.statusUpdates.push(mapped);
      else out.skipped.push(mapped);
    } else {
      const at = toIsoTimestamp(parsed.data.seenAt);
      if (at === undefined)
        out.skipped.push({ providerMessageId, reason: `invalid seenAt ${parsed.data.seenAt}` });
      else out.statusUpdates.push({ providerMessageId, state: 'SEEN', at });
    }
  }
  return out;
}

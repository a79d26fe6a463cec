import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Webhook bodies as Infobip posts them, made from the reference examples with the fields a test or
// bench cares about replaced, so they keep every field the real payloads carry. The built-in sandbox
// (channels/sandbox) posts its delivery and seen reports with these too.

type Result = Record<string, unknown>;

function exampleResult(file: string, name: string): Result {
  const examples = JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as Record<
    string,
    { results: Result[] }
  >;
  const result = examples[name]?.results[0];
  if (result === undefined) throw new Error(`Fixture ${file} has no example "${name}"`);
  return result;
}

const textExample = exampleResult('incoming-messages.json', 'Received text message example');
const imageExample = exampleResult('incoming-messages.json', 'Received image with caption message example');
const deliveryExample = exampleResult('delivery-reports.json', 'Delivery report');
const seenExample = exampleResult('seen-reports.json', 'Seen report');

/** Infobip timestamps look like "2024-02-06T14:18:29.797+0000". */
function infobipTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export interface IncomingTextInput {
  /** Customer address. */
  from: string;
  /** Our sender the customer wrote to. */
  to: string;
  text: string;
  messageId?: string;
  /** Infobip channel name (SMS, WHATSAPP, VIBER_BM, MESSENGER …). */
  channel?: string;
  receivedAt?: Date;
}

/** An incoming-message webhook body carrying one text message. */
export function incomingTextPayload(input: IncomingTextInput): { results: Result[] } {
  return {
    results: [
      {
        ...textExample,
        channel: input.channel ?? 'WHATSAPP',
        sender: input.from,
        destination: input.to,
        content: [{ text: input.text, cleanText: input.text, type: 'TEXT' }],
        receivedAt: infobipTime(input.receivedAt ?? new Date()),
        messageId: input.messageId ?? randomUUID(),
      },
    ],
  };
}

/** An incoming-message webhook body carrying one picture, clip, voice note or file at `url`. */
export function incomingMediaPayload(
  input: Omit<IncomingTextInput, 'text'> & {
    type: 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT';
    url: string;
    caption?: string;
  },
): { results: Result[] } {
  return {
    results: [
      {
        ...imageExample,
        channel: input.channel ?? 'WHATSAPP',
        sender: input.from,
        destination: input.to,
        content: [
          { type: input.type, url: input.url, ...(input.caption !== undefined && { text: input.caption }) },
        ],
        receivedAt: infobipTime(input.receivedAt ?? new Date()),
        messageId: input.messageId ?? randomUUID(),
      },
    ],
  };
}

/** Who a report is about: the fields Infobip copies from the send into its reports. */
export interface ReportSubject {
  messageId: string;
  /** Infobip channel name; the reference example's when absent. */
  channel?: string;
  /** Our sender the message went out from. */
  sender?: string;
  /** The customer's address. */
  destination?: string;
  /** The send's `webhooks.callbackData`, echoed back. */
  callbackData?: string;
  sentAt?: Date;
}

function subjectFields(input: ReportSubject): Result {
  return {
    messageId: input.messageId,
    ...(input.channel !== undefined && { channel: input.channel }),
    ...(input.sender !== undefined && { sender: input.sender }),
    ...(input.destination !== undefined && { destination: input.destination }),
    ...(input.callbackData !== undefined && { callbackData: input.callbackData }),
    ...(input.sentAt !== undefined && { sentAt: infobipTime(input.sentAt) }),
  };
}

/** A delivery-report webhook body; `groupName` DELIVERED, PENDING, UNDELIVERABLE, EXPIRED or REJECTED. */
export function deliveryReportPayload(input: ReportSubject & { groupName?: string; doneAt?: Date }): {
  results: Result[];
} {
  const groupName = input.groupName ?? 'DELIVERED';
  const failed = groupName !== 'DELIVERED' && groupName !== 'PENDING';
  return {
    results: [
      {
        ...deliveryExample,
        ...subjectFields(input),
        doneAt: infobipTime(input.doneAt ?? new Date()),
        status: { ...(deliveryExample.status as object), groupName },
        ...(failed
          ? {
              error: {
                groupId: 1,
                groupName: 'HANDSET_ERRORS',
                id: 1,
                name: 'EC_UNKNOWN_SUBSCRIBER',
                description: 'Unknown subscriber',
                permanent: true,
              },
            }
          : {}),
      },
    ],
  };
}

/** A seen-report webhook body. */
export function seenReportPayload(input: ReportSubject & { seenAt?: Date }): { results: Result[] } {
  return {
    results: [{ ...seenExample, ...subjectFields(input), seenAt: infobipTime(input.seenAt ?? new Date()) }],
  };
}

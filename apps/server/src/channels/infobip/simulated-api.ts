import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { referenceViolations } from './reference-schema.ts';

// Infobip's side of `POST /messages-api/1/messages`, built from the reference: request checks,
// the documented answers and error bodies. Shared by the test fake (fake-provider.ts) and the
// built-in sandbox (channels/sandbox), so both answer exactly as the reference describes.

/** Path of the send endpoint under an account's base URL. */
export const MESSAGES_API_SEND_PATH = '/messages-api/1/messages';
/** Path of the endpoint that checks a send request without sending it. */
export const MESSAGES_API_VALIDATE_PATH = '/messages-api/1/messages/validate';

/** Infobip's documented error bodies (`ApiError`), by error code. */
export type InfobipErrorCode = 'E400' | 'E401' | 'E403' | 'E404' | 'E429' | 'E500';

const errorBodies = JSON.parse(
  readFileSync(new URL('./fixtures/error-responses.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;

/** An Infobip error body; E404 is not among the reference examples, so it is made in the same shape. */
export function infobipErrorBody(code: InfobipErrorCode, description?: string): Record<string, unknown> {
  const body = errorBodies[code] ?? {
    errorCode: code,
    description: 'Requested resource not found.',
    action: 'Check the URL and the method of the request.',
    violations: [],
    resources: [],
  };
  return description === undefined ? body : { ...body, description };
}

/** A send request as the reference describes it (validated), kept as received. */
export interface SendRequestBody {
  messages: Array<Record<string, unknown>>;
}

/**
 * Reads a send request body: malformed JSON or anything the reference `MessagesApiRequest` schema
 * refuses gives Infobip's 400 body with one violation per problem.
 */
export function readSendRequest(
  raw: string,
): { ok: true; body: SendRequestBody } | { ok: false; error: Record<string, unknown> } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, error: badRequest([{ property: 'body', violation: 'Malformed JSON.' }]) };
  }
  const violations = referenceViolations('MessagesApiRequest', body).map((line) => {
    const [property = '', ...rest] = line.split(': ');
    return { property, violation: rest.join(': ') };
  });
  if (violations.length > 0) return { ok: false, error: badRequest(violations) };
  return { ok: true, body: body as SendRequestBody };
}

function badRequest(violations: Array<{ property: string; violation: string }>): Record<string, unknown> {
  return { ...infobipErrorBody('E400'), violations };
}

/**
 * `POST /messages-api/1/messages/validate`: the reference's `ValidationOkResponse` (200) when the
 * request would be accepted, else its `ValidationBadResponse` (400) with one violation per problem.
 * Nothing is sent.
 */
export function validateSendRequest(raw: string): { status: 200 | 400; body: Record<string, unknown> } {
  const request = readSendRequest(raw);
  if (!request.ok) {
    return {
      status: 400,
      body: {
        description: 'Request cannot be processed.',
        action: 'Check the syntax, violations and adjust the request.',
        violations: request.error.violations,
      },
    };
  }
  return {
    status: 200,
    body: {
      description: "Request can be sent through '/messages' endpoint and should be accepted by our platform.",
      action: 'No action is required, but it is recommended to check and address any violations.',
      skippableViolations: [],
    },
  };
}

/** One destination of an accepted send: what its delivery and seen reports will name. */
export interface AcceptedDestination {
  messageId: string;
  /** Infobip channel name (WHATSAPP, VIBER_BM …). */
  channel: string;
  sender: string;
  destination: string;
  callbackData?: string;
}

/** How many destinations one send request may carry, all messages together. */
export function destinationCount(body: SendRequestBody): number {
  return body.messages.reduce(
    (n, message) => n + ((message.destinations as unknown[] | undefined)?.length ?? 0),
    0,
  );
}

/** The 400 answer to a request with too many destinations. */
export function tooManyDestinations(max: number): Record<string, unknown> {
  return badRequest([
    { property: 'messages[].destinations', violation: `At most ${max} destinations per request.` },
  ]);
}

/**
 * The documented 200 answer: one entry per destination, status PENDING/MESSAGE_ACCEPTED. A
 * destination that brought its own messageId keeps it, as Infobip does — unless `ownMessageIds`
 * (the built-in sandbox): then every destination gets a fresh id, so no caller can choose the id its
 * reports will name.
 */
export function acceptSendRequest(
  body: SendRequestBody,
  options: { ownMessageIds?: boolean } = {},
): {
  response: { bulkId: string; messages: unknown[] };
  accepted: AcceptedDestination[];
} {
  const accepted = body.messages.flatMap((message) => {
    const webhooks = message.webhooks as { callbackData?: string } | undefined;
    const destinations =
      (message.destinations as Array<{ to: string; messageId?: string }> | undefined) ?? [];
    return destinations.map((destination) => ({
      messageId: (!options.ownMessageIds && destination.messageId) || randomUUID(),
      channel: String(message.channel),
      sender: String(message.sender),
      destination: destination.to,
      ...(webhooks?.callbackData !== undefined && { callbackData: webhooks.callbackData }),
    }));
  });
  return {
    response: {
      bulkId: randomUUID(),
      messages: accepted.map((a) => ({
        messageId: a.messageId,
        status: {
          groupId: 1,
          groupName: 'PENDING',
          id: 26,
          name: 'MESSAGE_ACCEPTED',
          description: 'Message sent to next instance',
        },
        destination: a.destination,
      })),
    },
    accepted,
  };
}

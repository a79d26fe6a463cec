import { ChannelError } from '../channel-error.ts';
import { channelErrorFromFetchFailure, channelErrorFromHttp, violationTexts } from './errors.ts';
import { ApiErrorBody, SendResponse } from './payloads.ts';
import { toSendRequest } from './send-request.ts';
import type { InfobipConnection, OutboundMessage } from './types.ts';

/** Long enough for a slow provider answer, short enough that a stuck send job is retried promptly. */
const DEFAULT_TIMEOUT_MS = 15_000;

export interface SendOptions {
  timeoutMs?: number;
  /** Where Infobip should post this message's delivery and seen reports. */
  reportUrl?: string;
}

export interface SendResult {
  /** Infobip's id of the accepted message; delivery and seen reports carry it. */
  providerMessageId: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Where and how to call an Infobip account. */
export type InfobipAccount = Pick<InfobipConnection, 'baseUrl' | 'apiKey'>;

/**
 * One call to the account's API (`App` key authentication, JSON both ways). Resolves with the HTTP
 * status and the parsed answer (undefined when it is no JSON); a call that gets no answer at all
 * throws a ChannelError: retryable when refused before sending or for a GET, otherwise (a POST
 * that timed out or was reset) not retryable — it may have been accepted (channelErrorFromFetchFailure).
 */
export async function callInfobip(
  account: InfobipAccount,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; timeoutMs?: number },
): Promise<{ status: number; json: unknown }> {
  const url = `${account.baseUrl.replace(/\/+$/, '')}${request.path}`;
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: {
        Authorization: `App ${account.apiKey}`,
        Accept: 'application/json',
        ...(request.body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    return { status: response.status, json: parseJson(await response.text()) };
  } catch (error) {
    throw channelErrorFromFetchFailure(error, { idempotent: request.method === 'GET' });
  }
}

/**
 * Sends one outbound message with `POST <baseUrl>/messages-api/1/messages`. Resolves with the
 * provider message id once Infobip accepted it; every failure is a ChannelError whose `retryable`
 * tells the send job whether to back off and try again.
 */
export async function sendMessage(
  connection: Pick<InfobipConnection, 'channel' | 'sender' | 'baseUrl' | 'apiKey'>,
  outbound: OutboundMessage,
  options: SendOptions = {},
): Promise<SendResult> {
  const { status, json } = await callInfobip(connection, {
    method: 'POST',
    path: '/messages-api/1/messages',
    body: toSendRequest(connection, outbound, options),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
  if (status < 200 || status >= 300) throw channelErrorFromHttp(status, json);

  // A 2xx we cannot read may still mean the message went out; retrying could send it twice.
  const parsed = SendResponse.safeParse(json);
  if (!parsed.success) {
    throw new ChannelError(
      'invalid_response',
      false,
      'Infobip accepted the request but its answer was unreadable',
      status,
    );
  }
  const [accepted] = parsed.data.messages;
  if (accepted === undefined) {
    throw new ChannelError('invalid_response', false, 'Infobip answered without a message', status);
  }
  if (accepted.status.groupName === 'REJECTED') {
    const reason = accepted.status.description ?? accepted.status.name ?? 'REJECTED';
    throw new ChannelError('rejected', false, `Infobip rejected the message: ${reason}`, status);
  }
  return { providerMessageId: accepted.messageId };
}

/** Long enough for Infobip, short enough for an admin waiting on the Test button. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * The connection check: `POST <baseUrl>/messages-api/1/messages/validate` with a text from the
 * connection's sender to itself. Infobip checks the API key and the request as it would a send, and
 * sends nothing. Resolves with Infobip's verdict; an unreachable account or a refused key throws
 * the same ChannelError a send would.
 */
export async function validateConnection(
  connection: Pick<InfobipConnection, 'channel' | 'sender' | 'baseUrl' | 'apiKey'>,
): Promise<{ ok: boolean; message: string }> {
  const request = toSendRequest(connection, {
    id: 'parley-connection-check',
    to: connection.sender,
    contentType: 'TEXT',
    content: { text: 'Parley connection check' },
  });
  const { status, json } = await callInfobip(connection, {
    method: 'POST',
    path: '/messages-api/1/messages/validate',
    body: request,
    timeoutMs: CHECK_TIMEOUT_MS,
  });
  if (status === 400) return { ok: false, message: channelErrorFromHttp(status, json).message };
  if (status < 200 || status >= 300) throw channelErrorFromHttp(status, json);
  const answer = ApiErrorBody.safeParse(json);
  const notes = violationTexts(answer.success ? answer.data.skippableViolations : undefined);
  return {
    ok: true,
    message:
      `Infobip accepts this API key and would send from ${connection.sender}` +
      (notes.length > 0 ? ` (remarks: ${notes.join('; ')})` : ''),
  };
}

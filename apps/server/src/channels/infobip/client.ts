import { ChannelError } from '../channel-error.ts';
import { channelErrorFromFetchFailure, channelErrorFromHttp } from './errors.ts';
import { toSendRequest } from './mapper.ts';
import { SendResponse } from './payloads.ts';
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
  const body = toSendRequest(connection, outbound, options);
  const url = `${connection.baseUrl.replace(/\/+$/, '')}/messages-api/1/messages`;
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `App ${connection.apiKey}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw channelErrorFromFetchFailure(error);
  }
  const json = parseJson(text);
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

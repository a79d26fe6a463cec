import type { TelegramSettings } from '@parley/contracts';
import { ChannelError, failedBeforeSending, noAnswer } from '../channel-error.ts';
import { ApiResponse } from './payloads.ts';

// Calls to the Bot API (`<apiBaseUrl>/bot<token>/<method>`), with every failure as a ChannelError.

/** Long enough for an upload of a large file, well below the send job's stale-claim limit. */
const TIMEOUT_MS = 60_000;

type Bot = Pick<TelegramSettings, 'botToken' | 'apiBaseUrl'>;

function errorOf(status: number, body: ReturnType<typeof ApiResponse.safeParse>): ChannelError {
  const data = body.success ? body.data : undefined;
  const code = data?.error_code ?? status;
  const message = `Telegram: ${data?.description ?? `HTTP ${status}`}`;
  if (code === 429) return new ChannelError('rate_limited', true, message, status);
  if (code >= 500) return new ChannelError('provider_unavailable', true, message, status);
  // A wrong token is answered 401 (or 404: no such bot).
  if (code === 401 || code === 404) return new ChannelError('auth_failed', false, message, status);
  return new ChannelError('rejected', false, message, status);
}

/**
 * A call without an answer: refused before sending, or an idempotent read, is retryable; a send
 * that timed out or was reset after the request went out may have been delivered (never twice).
 */
function fetchFailure(error: unknown, idempotent: boolean): ChannelError {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  if (failedBeforeSending(error))
    return new ChannelError('network_error', true, `Could not reach Telegram${cause}`);
  if (!idempotent) return noAnswer('Telegram');
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ChannelError('timeout', true, 'Telegram did not answer in time');
  }
  return new ChannelError('network_error', true, `Could not reach Telegram${cause}`);
}

/** Calls a Bot API method with JSON or multipart (a file upload) parameters; resolves with `result`. */
export async function callBotApi(
  bot: Bot,
  method: string,
  params: Record<string, unknown> | FormData,
): Promise<unknown> {
  const isForm = params instanceof FormData;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${bot.apiBaseUrl}/bot${bot.botToken}/${method}`, {
      method: 'POST',
      ...(isForm ? {} : { headers: { 'Content-Type': 'application/json' } }),
      body: isForm ? params : JSON.stringify(params),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    // sendMessage, sendPhoto, …: a repeat would deliver again; getMe, getFile, setWebhook are safe.
    throw fetchFailure(error, !method.startsWith('send'));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const body = ApiResponse.safeParse(json);
  if (!response.ok || !body.success || !body.data.ok) throw errorOf(response.status, body);
  return body.data.result;
}

/** Downloads a file by the `file_path` getFile gave (`<apiBaseUrl>/file/bot<token>/<path>`). */
export async function downloadFile(bot: Bot, filePath: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(`${bot.apiBaseUrl}/file/bot${bot.botToken}/${filePath}`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw fetchFailure(error, true);
  }
  if (!response.ok) throw errorOf(response.status, ApiResponse.safeParse(undefined));
  return Buffer.from(await response.arrayBuffer());
}

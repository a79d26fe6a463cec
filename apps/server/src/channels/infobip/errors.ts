import { ChannelError, failedBeforeSending, noAnswer } from '../channel-error.ts';
import { ApiErrorBody } from './payloads.ts';

/** A webhook body that is not an Infobip Messages API payload at all (the route answers 400). */
export class InfobipPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfobipPayloadError';
  }
}

/** Infobip's violations as "property: violation" lines, empty ones left out. */
export function violationTexts(violations: ApiErrorBody['violations']): string[] {
  return (violations ?? [])
    .map((v) => [v.property, v.violation].filter(Boolean).join(': '))
    .filter((text) => text.length > 0);
}

/** Infobip's own explanation: description plus each violation, e.g. "Request cannot be processed. (to: invalid)". */
function describeApiError(status: number, body: unknown): string {
  const parsed = ApiErrorBody.safeParse(body);
  if (!parsed.success || !parsed.data.description) return `Infobip answered HTTP ${status}`;
  const violations = violationTexts(parsed.data.violations);
  const code = parsed.data.errorCode ? `${parsed.data.errorCode} ` : '';
  return violations.length > 0
    ? `${code}${parsed.data.description} (${violations.join('; ')})`
    : `${code}${parsed.data.description}`;
}

/**
 * Maps a non-2xx answer to a ChannelError: throttling and server faults are worth retrying,
 * every other 4xx means the request itself is wrong and repeating it cannot help.
 */
export function channelErrorFromHttp(status: number, body: unknown): ChannelError {
  const message = describeApiError(status, body);
  if (status === 429) return new ChannelError('rate_limited', true, message, status);
  if (status >= 500) return new ChannelError('provider_unavailable', true, message, status);
  if (status === 401 || status === 403) return new ChannelError('auth_failed', false, message, status);
  return new ChannelError('rejected', false, message, status);
}

/**
 * Maps a fetch that produced no HTTP answer. A connect-level failure (refused, DNS) never reached
 * Infobip and is retryable; a timeout or reset after the request was written is retryable only for
 * an idempotent read — a send may have been accepted, so it fails "check before retrying".
 */
export function channelErrorFromFetchFailure(error: unknown, options: { idempotent: boolean }): ChannelError {
  if (error instanceof ChannelError) return error;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  if (failedBeforeSending(error))
    return new ChannelError('network_error', true, `Could not reach Infobip${cause}`);
  if (!options.idempotent) return noAnswer('Infobip');
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ChannelError('timeout', true, 'Infobip did not answer in time');
  }
  return new ChannelError('network_error', true, `Could not reach Infobip${cause}`);
}

/**
 * Why a provider call failed, in Parley's words. The outbound send job backs off and retries when
 * `retryable` is true; otherwise it marks the message FAILED so the agent sees `message`.
 */
export type ChannelErrorCode =
  | 'rate_limited'
  | 'provider_unavailable'
  | 'network_error'
  | 'timeout'
  | 'auth_failed'
  | 'rejected'
  | 'unsupported_channel'
  | 'unsupported_content'
  | 'invalid_response';

/** The one error every channel adapter throws for provider failures (ARCHITECTURE §4). */
export class ChannelError extends Error {
  readonly code: ChannelErrorCode;
  readonly retryable: boolean;
  /** HTTP status the provider answered with, when there was an answer. */
  readonly status: number | undefined;

  constructor(code: ChannelErrorCode, retryable: boolean, message: string, status?: number) {
    super(message);
    this.name = 'ChannelError';
    this.code = code;
    this.retryable = retryable;
    this.status = status;
  }
}

/** Socket failures raised before a request reached the provider: sending again cannot duplicate it. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a failure (or its causes) is a connect-level one: the provider never got the request. */
export function failedBeforeSending(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth += 1) {
    const { code, originalCode } = e as { code?: unknown; originalCode?: unknown };
    if ([code, originalCode].some((c) => typeof c === 'string' && NOT_SENT_CODES.has(c))) return true;
    e = e.cause;
  }
  return false;
}

/**
 * The request may have reached the provider but no answer came (timeout, reset): sending again
 * could deliver it twice, so the message fails for a person to check (never sent twice).
 */
export function noAnswer(provider: string): ChannelError {
  return new ChannelError('timeout', false, `No answer from ${provider} — check before retrying`);
}

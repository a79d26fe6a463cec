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

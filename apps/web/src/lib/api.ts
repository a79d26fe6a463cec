import type { ErrorBody, ErrorCode } from '@parley/contracts';

/** A failed API call, carrying the server's stable error code and its user-safe message. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network_error';
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode | 'network_error', status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token belongs to the current session; the session module sets it after sign-in.
let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401 after sign-in: the session has ended on the server. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** A file sent as the raw body, with its own type (uploads); instead of `body`. */
  file?: Blob;
  /** A 401 is an expected answer here (session probe, login): do not treat it as a lost session. */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<ErrorBody>;
    if (parsed.error?.code && parsed.error.message) {
      return new ApiError(parsed.error.code, response.status, parsed.error.message, parsed.error.details);
    }
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic error.
  }
  const code: ErrorCode = response.status >= 500 ? 'service_unavailable' : 'validation_failed';
  return new ApiError(code, response.status, `The server answered ${response.status} ${response.statusText}`);
}

/** Sends a request with the session cookie and, on writes, the CSRF token; a failure throws ApiError. */
async function send(
  method: string,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type || 'application/octet-stream';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network_error', 0, 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.allowUnauthenticated) onUnauthenticated();
    throw error;
  }
  return response;
}

/** Calls the `/api` of this origin with the session cookie and, on writes, the CSRF token. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  // 204 and other empty answers carry no body.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the server answered, with the name its `content-disposition` gives (null without one). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** Posts `body` and takes the answer as a file (a transcript .zip); failures throw ApiError like `request`. */
export async function requestFile(path: string, body: unknown): Promise<DownloadedFile> {
  const response = await send('POST', path, { body }, '*/*');
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Posts a file as the raw body (`POST /api/attachments?fileName=…`). */
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, { file }),
};

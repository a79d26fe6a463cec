import type {
  SendVisitorMessageRequest,
  StartVisitorSessionRequest,
  VisitorMessageList,
  VisitorSession,
  VisitorUpload,
  WidgetConfig,
} from '@parley/contracts';

/** A refusal or failure of the visitor API; `status` 0 means the request never got an answer. */
export class WidgetApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
  /** Worth trying again later: no answer, rate limited, or a server failure. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/**
 * The visitor API of one widget (`<base>/widget/1/<widgetId>`). Calls are cross-origin without
 * credentials: the visitor token travels in `Authorization`, never in a cookie.
 */
export function createWidgetApi(base: string, widgetId: string) {
  let token: string | null = null;
  const root = `${base}/widget/1/${encodeURIComponent(widgetId)}`;

  async function call<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (contentType) headers['content-type'] = contentType;
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, { method, headers, body, credentials: 'omit', mode: 'cors' });
    } catch {
      throw new WidgetApiError(0, 'No connection');
    }
    const text = await res.text();
    const data = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const message = (data as { error?: { message?: string } } | undefined)?.error?.message;
      throw new WidgetApiError(res.status, message ?? `The chat answered ${res.status}`);
    }
    return data as T;
  }
  const json = <T>(method: string, path: string, body: unknown) =>
    call<T>(method, path, JSON.stringify(body), 'application/json');

  return {
    /** The visitor token sent from now on (null: none). */
    setToken(value: string | null) {
      token = value;
    },
    socketUrl: () => `${root.replace(/^http/, 'ws')}/ws`,
    /** A path the server gave (signed attachment links), under the address Parley was loaded from. */
    resolve: (path: string) => (/^https?:/.test(path) ? path : `${base}/${path.replace(/^\//, '')}`),
    config: () => call<WidgetConfig>('GET', '/config'),
    startSession: (answers: StartVisitorSessionRequest) => json<VisitorSession>('POST', '/sessions', answers),
    messages: (after?: string) =>
      call<VisitorMessageList>('GET', `/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`),
    send: (message: SendVisitorMessageRequest) => json<{ clientId: string }>('POST', '/messages', message),
    typing: (typing: boolean) => json<void>('POST', '/typing', { typing }),
    receipt: (upTo: string, state: 'DELIVERED' | 'SEEN') => json<void>('POST', '/receipts', { upTo, state }),
    upload: (file: File) =>
      call<VisitorUpload>(
        'POST',
        `/attachments?fileName=${encodeURIComponent(file.name)}`,
        file,
        file.type || 'application/octet-stream',
      ),
  };
}

export type WidgetApi = ReturnType<typeof createWidgetApi>;

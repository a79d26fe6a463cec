import { readFileSync } from 'node:fs';

// The real HTTP side of the ALL WORK bench: a signed-in session (cookie + CSRF token) against a
// running Parley, timed requests, a streamed download timed to its first and last byte, and the
// server's resident memory sampled meanwhile.

export interface Summary {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export const round = (n: number) => Math.round(n * 10) / 10;

export function summary(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return {
    runs: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `?a=1&b=x&b=y` from a record whose arrays repeat the key. */
export function queryString(query: Record<string, string | number | readonly string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A signed-in user's requests. */
export class Session {
  readonly baseUrl: string;
  private readonly cookie: string;
  private readonly csrfToken: string;

  private constructor(baseUrl: string, cookie: string, csrfToken: string) {
    this.baseUrl = baseUrl;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
  }

  static async signIn(baseUrl: string, email: string, password: string): Promise<Session> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new Session(baseUrl, cookie, csrfToken);
  }

  request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** The request's JSON answer (any status but `expect` fails) and its time to the last byte. */
  async timed<T>(
    method: string,
    path: string,
    body?: unknown,
    expect = 200,
  ): Promise<{ ms: number; json: T }> {
    const started = performance.now();
    const res = await this.request(method, path, body);
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return { ms, json: (text ? JSON.parse(text) : null) as T };
  }

  async json<T>(method: string, path: string, body?: unknown, expect = 200): Promise<T> {
    return (await this.timed<T>(method, path, body, expect)).json;
  }
}

/** Resident memory of a process (kB from /proc, Linux). */
export function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN);
}

export interface Download {
  status: number;
  firstByteMs: number;
  completeMs: number;
  bytes: number;
  /** The first bytes of the body (a .zip starts with `PK`). */
  head: string;
  /** Highest resident memory of `pid` while downloading, above what it was at the start (MB). */
  peakRssDeltaMb: number;
}

/** Streams a download, timing its first body chunk and its end, and sampling `pid`'s memory every 5 ms. */
export async function timedDownload(
  session: Session,
  path: string,
  body: unknown,
  pid: number,
): Promise<Download> {
  const before = rssKb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssKb(pid));
  }, 5);
  try {
    const started = performance.now();
    const res = await session.request('POST', path, body);
    const reader = res.body?.getReader();
    if (!reader) throw new Error(`${path}: no body`);
    let firstByteMs = Number.NaN;
    let bytes = 0;
    let head = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) {
        firstByteMs = performance.now() - started;
        head = Buffer.from(value.subarray(0, 2)).toString('latin1');
      }
      bytes += value.byteLength;
    }
    const completeMs = performance.now() - started;
    peak = Math.max(peak, rssKb(pid));
    return {
      status: res.status,
      firstByteMs,
      completeMs,
      bytes,
      head,
      peakRssDeltaMb: round((peak - before) / 1024),
    };
  } finally {
    clearInterval(sampler);
  }
}

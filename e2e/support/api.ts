// A signed-in API client for setting up journeys the way the web app would (cookie + CSRF token).

export interface ApiSession {
  userId: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** Signs in through `POST /api/auth/login` and keeps the session cookie and CSRF token. */
export async function apiSession(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { user, csrfToken } = (await login.json()) as { user: { id: string }; csrfToken: string };
  return {
    userId: user.id,
    async request<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

/** Calls `request` and fails the journey with the server's answer unless the status is `expected`. */
export async function expectStatus<T>(
  call: Promise<{ status: number; body: T }>,
  expected: number,
  what: string,
): Promise<T> {
  const { status, body } = await call;
  if (status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Polls `probe` until it returns a value other than undefined (for hooks, where expect.poll is not allowed). */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

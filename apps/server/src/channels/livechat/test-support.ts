import type { LiveChatSettings } from '@parley/contracts';
import type { App } from '../../app.ts';
import type { TestSession } from '../../modules/users/test-helpers.ts';

// Shared by the live-chat integration tests: a widget made by an admin, and visitor calls.

export const SITE = 'https://shop.example.com';

/** Creates an enabled live-chat connection through the admin API; returns its widget id and id. */
export async function createWidget(
  app: App,
  admin: TestSession,
  settings: Partial<LiveChatSettings> = {},
): Promise<{ widgetId: string; connectionId: string }> {
  const widgetId = `w-${crypto.randomUUID().slice(0, 12)}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/channel-connections',
    headers: admin.headers,
    payload: {
      provider: 'livechat',
      channel: 'LIVE_CHAT',
      name: 'Website chat',
      sender: widgetId,
      settings: { allowedOrigins: [SITE], ...settings },
    },
  });
  if (res.statusCode !== 201) throw new Error(`create widget: ${res.statusCode} ${res.body}`);
  return { widgetId, connectionId: (res.json() as { id: string }).id };
}

/** A client address per call site, so the per-address limits of one test never hit another's. */
export const someAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** A visitor call from the shop's page (Origin: SITE), with the token when given. */
export function visitorCall(
  app: App,
  widgetId: string,
  request: {
    method: 'GET' | 'POST' | 'OPTIONS';
    path: string;
    token?: string;
    payload?: unknown;
    origin?: string | null;
  },
) {
  const origin = request.origin === undefined ? SITE : request.origin;
  return app.inject({
    method: request.method,
    url: `/widget/1/${widgetId}${request.path}`,
    remoteAddress: someAddress(),
    headers: {
      ...(origin !== null && { origin }),
      ...(request.token && { authorization: `Bearer ${request.token}` }),
    },
    ...(request.payload !== undefined && { payload: request.payload as object }),
  });
}

/** Starts a visitor session on the widget; returns the token and visitor id. */
export async function startVisitor(
  app: App,
  widgetId: string,
  answers: { name?: string; email?: string } = {},
): Promise<{ token: string; visitorId: string }> {
  const res = await visitorCall(app, widgetId, { method: 'POST', path: '/sessions', payload: answers });
  if (res.statusCode !== 201) throw new Error(`start session: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; visitor: { id: string } };
  return { token: body.token, visitorId: body.visitor.id };
}

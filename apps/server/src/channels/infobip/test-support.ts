import type { INFOBIP_CHANNELS } from '@parley/contracts';
import type { App } from '../../app.ts';
import type { ChannelConnectionRow } from '../../modules/channel-connections/channel-connections.repo.ts';
import { createConnection } from '../../modules/channel-connections/channel-connections.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { webhookAuthorization } from './verify.ts';

// Shared by the Infobip integration tests: a connection, a webhook call, and waiting for background work.

/** A stored connection plus the webhook secret it was created with (only its hash is stored). */
export type TestConnection = ChannelConnectionRow & { webhookSecret: string };

/** Webhook secrets of the connections this test file created, for postWebhook. */
const secrets = new Map<string, string>();

export async function createTestConnection(
  ctx: AppContext,
  overrides: {
    channel?: (typeof INFOBIP_CHANNELS)[number];
    sender?: string;
    baseUrl?: string;
    apiKey?: string;
  } = {},
): Promise<TestConnection> {
  const created = await createConnection(ctx.events, {
    channel: overrides.channel ?? 'WHATSAPP',
    provider: 'infobip',
    name: 'Test line',
    sender: overrides.sender ?? `44${Math.floor(Math.random() * 1e9)}`,
    settings: {
      baseUrl: overrides.baseUrl ?? 'http://127.0.0.1:9',
      apiKey: overrides.apiKey ?? 'test-api-key-0000',
    },
  });
  secrets.set(created.id, created.webhookSecret);
  return created;
}

/** Posts a webhook body as Infobip would for `connection` (one createTestConnection made). */
export function postWebhook(app: App, connection: Pick<ChannelConnectionRow, 'id'>, payload: unknown) {
  const webhookSecret = secrets.get(connection.id);
  if (webhookSecret === undefined)
    throw new Error('postWebhook needs a connection made by createTestConnection');
  return app.inject({
    method: 'POST',
    url: '/webhooks/infobip/messages',
    headers: {
      authorization: webhookAuthorization({ id: connection.id, webhookSecret }),
      'content-type': 'application/json',
    },
    payload: JSON.stringify(payload),
  });
}

/** Polls until `check` returns a value other than undefined; background work has no completion signal. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

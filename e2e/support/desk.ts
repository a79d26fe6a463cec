import type { Browser, Page } from 'playwright-core';
import { incomingTextPayload } from '../../apps/server/src/channels/infobip/fake-events.ts';
import type { FakeInfobip } from '../../apps/server/src/channels/infobip/fake-provider.ts';
import { webhookAuthorization } from '../../apps/server/src/channels/infobip/verify.ts';
import { LoginPage } from '../pages/auth-pages.ts';
import { Shell } from '../pages/shell.ts';
import { type ApiSession, apiSession, expectStatus } from './api.ts';

// The desk the journeys build through the API before they open a browser: the first admin, users,
// a WhatsApp connection to the fake Infobip, and customers writing through its webhook.

/** Creates the first admin of a fresh installation and signs them in. */
export async function createFirstAdmin(baseUrl: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/setup/first-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', displayName: 'Ada Admin', password }),
  });
  if (res.status >= 300) throw new Error(`first admin: ${res.status} ${await res.text()}`);
  return apiSession(baseUrl, 'admin@example.com', password);
}

/** Creates a user as the admin and signs them in. */
export async function createUser(
  admin: ApiSession,
  baseUrl: string,
  user: { email: string; displayName: string; roles: string[]; password: string },
): Promise<ApiSession> {
  await expectStatus(admin.request('POST', '/api/users', user), 201, `create ${user.email}`);
  return apiSession(baseUrl, user.email, user.password);
}

/** Where and how the fake Infobip posts customer messages for one connection. */
export interface Webhook {
  url: string;
  authorization: string;
}

/** Connects our `sender` on an Infobip `channel` (SMS, WhatsApp …) to the fake Infobip. */
export async function connectInfobip(
  admin: ApiSession,
  fake: FakeInfobip,
  channel: 'SMS' | 'WHATSAPP' | 'VIBER' | 'FACEBOOK_MESSENGER',
  sender: string,
): Promise<Webhook> {
  const connection = await expectStatus(
    admin.request<{ id: string; webhook: { url: string; password: string } }>(
      'POST',
      '/api/channel-connections',
      {
        channel,
        name: `${channel === 'WHATSAPP' ? 'WhatsApp' : channel} line`,
        sender,
        provider: 'infobip',
        settings: { baseUrl: fake.baseUrl, apiKey: fake.apiKey },
      },
    ),
    201,
    `create the ${channel} connection`,
  );
  return {
    url: connection.webhook.url,
    authorization: webhookAuthorization({ id: connection.id, webhookSecret: connection.webhook.password }),
  };
}

/** Connects WhatsApp sender `sender` to the fake Infobip. */
export function connectWhatsApp(admin: ApiSession, fake: FakeInfobip, sender: string): Promise<Webhook> {
  return connectInfobip(admin, fake, 'WHATSAPP', sender);
}

/** A customer message through the Infobip webhook, as Infobip posts it (WhatsApp unless `channel` says). */
export async function customerWrites(
  fake: FakeInfobip,
  webhook: Webhook,
  message: { from: string; to: string; text: string; channel?: string; receivedAt?: Date },
): Promise<void> {
  const res = await fake.postToWebhook(webhook.url, incomingTextPayload(message), webhook.authorization);
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

/** The texts of every message Parley sent to the fake Infobip. */
export function sentTexts(fake: FakeInfobip): (string | undefined)[] {
  return fake.received.flatMap((send) =>
    send.body.messages.map((m) => (m.content as { body: { text?: string } }).body.text),
  );
}

/** A fresh browser context at 1280×800, signed in as `email`. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${baseUrl}/login`);
  await new LoginPage(page).signIn(email, password);
  await new Shell(page).waitUntilSignedIn();
  return page;
}

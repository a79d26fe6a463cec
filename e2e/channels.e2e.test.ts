import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeTelegram, startFakeTelegram } from '../apps/server/src/channels/telegram/fake-bot-api.ts';
import updates from '../apps/server/src/channels/telegram/fixtures/updates.json' with { type: 'json' };
import { type ApiSession, waitUntil } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { createFirstAdmin, signedInPage } from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// Issue 7's admin journey: Settings → Channels, add a Telegram bot against the fake Bot API (Parley
// registers its webhook), see the webhook URL and secret once, test the connection, then disable it
// — after which the webhook refuses the bot's updates.

const PASSWORD = 'a long enough password';
const LIVE = { timeout: 15_000, interval: 100 };
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

let parley: RunningParley;
let browser: Browser;
let fake: FakeTelegram;
let admin: ApiSession;
let page: Page;

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeTelegram()]);
  admin = await createFirstAdmin(parley.url, PASSWORD);
  page = await signedInPage(browser, parley.url, 'admin@example.com', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
  await parley?.stop();
});

const update = (text: string) => {
  const body = structuredClone(updates.text);
  body.update_id = Math.floor(Math.random() * 1e9);
  body.message.message_id = Math.floor(Math.random() * 1e9);
  body.message.text = text;
  return body;
};

test('an admin adds a Telegram bot, sees its webhook once, tests it and disables it', async () => {
  await page.goto(`${parley.url}/settings/channels`);
  await page.getByRole('button', { name: 'Add channel' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('Support bot');
  await dialog.getByLabel('Bot username').fill(fake.username);
  await dialog.getByLabel('Bot token').fill(fake.botToken);
  await dialog.getByLabel('Bot API server').fill(fake.apiBaseUrl);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/channels-add.png` });
  await dialog.getByRole('button', { name: 'Add channel' }).click();

  // Saved: Parley called getMe and setWebhook; the secret token is shown this once.
  await dialog.getByText('Test passed').waitFor(LIVE);
  const url = (await dialog.getByTestId('webhook-webhook-url').textContent()) ?? '';
  const secret = (await dialog.getByTestId('webhook-secret-token').textContent()) ?? '';
  expect(url).toMatch(new RegExp(`^${parley.url}/webhooks/telegram/[0-9a-f-]{36}$`));
  expect(fake.webhook).toEqual({ url, secretToken: secret });
  await dialog.getByRole('button', { name: 'Copy webhook url' }).waitFor(LIVE);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/channels-saved.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The bot's updates now reach Parley.
  expect(await fake.deliver(update('Hello from Telegram'))).toBe(200);

  const row = page.getByTestId('connection-row').filter({ hasText: 'Support bot' });
  await row.getByText(fake.username).waitFor(LIVE);
  await row.getByRole('button', { name: 'Test' }).click();
  await page.getByTestId('connection-test-result').getByText('Test passed').waitFor(LIVE);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/channels-list.png` });

  // Editing shows the webhook without its secret.
  await row.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('dialog').getByText('Rotate it to get a new one').waitFor(LIVE);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/channels-edit.png` });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await row.getByRole('switch', { name: 'Disable Support bot' }).click({ force: true });
  await waitUntil(async () => {
    const { body } = await admin.request<{ items: Array<{ name: string; enabled: boolean }> }>(
      'GET',
      '/api/channel-connections',
    );
    return body.items.find((c) => c.name === 'Support bot' && !c.enabled);
  }, 'the connection to be disabled');
  await row.getByRole('switch', { name: 'Enable Support bot' }).waitFor(LIVE);
  // Within the webhook's 5 s connection cache the disabled bot is refused.
  await waitUntil(
    async () => ((await fake.deliver(update('Anyone?'))) === 403 ? true : undefined),
    'a 403',
    10_000,
  );
});

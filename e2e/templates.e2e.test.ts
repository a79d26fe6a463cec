import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { incomingTextPayload } from '../apps/server/src/channels/infobip/fake-events.ts';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { webhookAuthorization } from '../apps/server/src/channels/infobip/verify.ts';
import { LoginPage } from './pages/auth-pages.ts';
import { ConversationView } from './pages/conversation.ts';
import { Shell } from './pages/shell.ts';
import { SlashPicker, TagsSettingsPage, TemplatesSettingsPage } from './pages/templates.ts';
import { type ApiSession, apiSession, expectStatus, waitUntil } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// Issue 8's journey: a supervisor creates a template tag and a template tagged with it in
// Settings; an agent finds it in a conversation by typing "/" and a fuzzy query, edits the
// inserted text and sends it; the variables were filled with the customer's, the agent's and the
// conversation's values, as the timeline and the provider show.

const PASSWORD = 'a long enough password';
const SENDER = '447700900321';
const CUSTOMER = '385912000001';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let fake: FakeInfobip;
let supervisor: ApiSession;
let agent: ApiSession;
let conversation: { id: string; number: number };

interface ListItem {
  id: string;
  number: number;
  customer: { address: string | null };
}

async function signedInPage(email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${parley.url}/login`);
  await new LoginPage(page).signIn(email, PASSWORD);
  await new Shell(page).waitUntilSignedIn();
  return page;
}

const sentTexts = () =>
  fake.received.flatMap((send) =>
    send.body.messages.map((m) => (m.content as { body: { text?: string } }).body.text),
  );

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  const setup = await fetch(`${parley.url}/api/setup/first-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', displayName: 'Ada Admin', password: PASSWORD }),
  });
  expect(setup.status).toBeLessThan(300);
  const admin = await apiSession(parley.url, 'admin@example.com', PASSWORD);
  for (const [email, displayName, roles] of [
    ['sam@example.com', 'Sam Supervisor', ['supervisor', 'agent']],
    ['alice@example.com', 'Alice Walker', ['agent']],
  ] as const) {
    await expectStatus(
      admin.request('POST', '/api/users', { email, displayName, roles, password: PASSWORD }),
      201,
      `create ${email}`,
    );
  }
  supervisor = await apiSession(parley.url, 'sam@example.com', PASSWORD);
  agent = await apiSession(parley.url, 'alice@example.com', PASSWORD);
  const connection = await expectStatus(
    admin.request<{ id: string; webhook: { url: string; password: string } }>(
      'POST',
      '/api/channel-connections',
      {
        channel: 'WHATSAPP',
        name: 'WhatsApp line',
        sender: SENDER,
        baseUrl: fake.baseUrl,
        apiKey: fake.apiKey,
      },
    ),
    201,
    'create the connection',
  );
  // A known customer, so the conversation has a name to fill in.
  await expectStatus(
    supervisor.request('POST', '/api/customers', {
      name: 'Emma Walsh',
      destinations: [{ channel: 'WHATSAPP', address: CUSTOMER }],
    }),
    201,
    'create the customer',
  );
  const res = await fake.postToWebhook(
    connection.webhook.url,
    incomingTextPayload({ from: CUSTOMER, to: SENDER, text: 'Where is my parcel?' }),
    webhookAuthorization({ id: connection.id, webhookSecret: connection.webhook.password }),
  );
  expect(res.status).toBe(200);
  conversation = await waitUntil(async () => {
    const { body } = await supervisor.request<{ items: ListItem[] }>('GET', '/api/conversations?limit=100');
    const found = body.items.find((c) => c.customer.address === CUSTOMER);
    return found && { id: found.id, number: found.number };
  }, 'the customer conversation');
  const { id: queueId } = await expectStatus(
    supervisor.request<{ id: string }>('POST', '/api/queues', { name: 'Support' }),
    201,
    'create the queue',
  );
  await expectStatus(
    supervisor.request('PUT', `/api/queues/${queueId}/members`, { userIds: [agent.userId] }),
    200,
    'queue members',
  );
  await expectStatus(
    supervisor.request('PUT', `/api/conversations/${conversation.id}/queue`, { queueId }),
    200,
    'queue',
  );
  await expectStatus(
    supervisor.request('POST', `/api/conversations/${conversation.id}/assign`, { userId: agent.userId }),
    200,
    'assign',
  );
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
  await fake?.close();
});

test('a supervisor makes a tagged template; an agent finds it with "/", edits and sends it filled in', {
  timeout: 180_000,
}, async () => {
  const sam = await signedInPage('sam@example.com');
  const tags = new TagsSettingsPage(sam);
  await tags.open(parley.url);
  await tags.create('shipping', 'Template tag', 'Teal');
  await tags.row('shipping').waitFor();

  const templates = new TemplatesSettingsPage(sam);
  await templates.open(parley.url);
  await templates.create({
    name: 'Shipping update',
    text: 'Hi {{customer.firstName|there}}, your parcel for conversation #{{conversation.number}} left our warehouse today. {{agent.firstName}}',
    tags: ['shipping'],
  });
  const row = templates.row('Shipping update');
  await row.waitFor();
  expect(await row.textContent()).toContain('shipping');

  // Agents use templates but cannot manage them.
  const refused = await agent.request('POST', '/api/templates', { name: 'Mine', text: 'Hello' });
  expect(refused.status).toBe(403);

  const alice = await signedInPage('alice@example.com');
  const view = new ConversationView(alice);
  await view.open(parley.url, conversation.id);
  const composer = view.view().getByTestId('composer-input');
  const picker = new SlashPicker(alice);
  await picker.search(composer, 'shpupd');
  await expect.poll(() => picker.options().first().textContent()).toContain('Shipping update');
  await composer.press('Enter');
  await picker.picker().waitFor({ state: 'detached' });

  const filled = `Hi Emma, your parcel for conversation #${conversation.number} left our warehouse today. Alice`;
  await expect.poll(() => composer.inputValue()).toBe(filled);
  // The agent edits the inserted text before sending.
  await composer.press('End');
  await composer.pressSequentially(' Tracking follows by SMS.');
  await composer.press('Enter');

  const sent = `${filled} Tracking follows by SMS.`;
  await expect.poll(() => view.messages().last().textContent(), LIVE).toContain(sent);
  await expect.poll(sentTexts, LIVE).toContain(sent);
});

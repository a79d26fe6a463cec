import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { ConversationView } from './pages/conversation.ts';
import { SlashPicker, TagsSettingsPage, TemplatesSettingsPage } from './pages/templates.ts';
import { type ApiSession, expectStatus, waitUntil } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import {
  connectWhatsApp,
  createFirstAdmin,
  createUser,
  customerWrites,
  signedInPage as openSignedIn,
  sentTexts as sentTextsOf,
} from './support/desk.ts';
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

const signedInPage = (email: string) => openSignedIn(browser, parley.url, email, PASSWORD);

const sentTexts = () => sentTextsOf(fake);

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  const user = (email: string, displayName: string, roles: string[]) =>
    createUser(admin, parley.url, { email, displayName, roles, password: PASSWORD });
  supervisor = await user('sam@example.com', 'Sam Supervisor', ['supervisor', 'agent']);
  agent = await user('alice@example.com', 'Alice Walker', ['agent']);
  const webhook = await connectWhatsApp(admin, fake, SENDER);
  // A known customer, so the conversation has a name to fill in.
  await expectStatus(
    supervisor.request('POST', '/api/customers', {
      name: 'Emma Walsh',
      destinations: [{ channel: 'WHATSAPP', address: CUSTOMER }],
    }),
    201,
    'create the customer',
  );
  await customerWrites(fake, webhook, { from: CUSTOMER, to: SENDER, text: 'Where is my parcel?' });
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

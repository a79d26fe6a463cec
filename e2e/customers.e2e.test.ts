import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConversationView } from './pages/conversation.ts';
import { CustomerCardPanel, CustomerCardSettings, CustomerProfile } from './pages/customers.ts';
import { type ApiSession, apiSession, expectStatus } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { signedInPage as openSignedIn } from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// Issue 9's journey on the demo installation: a supervisor configures the customer card (3 basic
// fields, 2 behind "See more", one editable by agents); an agent sees exactly that next to a
// conversation, edits the editable field and cannot edit the others, then unlinks the conversation
// from its customer and links it to another one, whose history then lists it.

const PASSWORD = 'parley-demo-2026';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let agent: ApiSession;

interface ListItem {
  id: string;
  status: string;
  customer: { id: string | null; name: string | null };
}
interface CustomerBody {
  id: string;
  name: string | null;
  attributes: Record<string, unknown>;
}

const signedInPage = (email: string) => openSignedIn(browser, parley.url, email, PASSWORD);

beforeAll(async () => {
  [parley, browser] = await Promise.all([startParley({ SEED_DEMO: 'true' }), launchBrowser()]);
  agent = await apiSession(parley.url, 'agent1@parley.demo', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
});

test('supervisor configures the card; agent works with it and relinks a conversation', async () => {
  const supervisorPage = await signedInPage('supervisor@parley.demo');
  const settings = new CustomerCardSettings(supervisorPage);
  await settings.open(parley.url);
  await settings.configure({
    'Customer tier': { placement: 'basic', agentEditable: false },
    'Account number': { placement: 'basic', agentEditable: false },
    'Preferred language': { placement: 'basic', agentEditable: true },
    VIP: { placement: 'additional', agentEditable: false },
    Plan: { placement: 'additional', agentEditable: false },
  });

  // An open conversation of agent 1 with a known customer, and another customer to link it to.
  const { items } = await expectStatus(
    agent.request<{ items: ListItem[] }>('GET', '/api/conversations?view=mine&limit=50'),
    200,
    'my conversations',
  );
  const conversation = items.find((c) => c.customer.id !== null && c.status !== 'CLOSED');
  if (!conversation?.customer.id)
    throw new Error('the demo gave agent 1 no open conversation with a known customer');
  const original = conversation.customer.id;
  const { items: others } = await expectStatus(
    agent.request<{ items: CustomerBody[] }>('GET', '/api/customers?q=horvat&limit=10'),
    200,
    'other customers',
  );
  const other = others.find((c) => c.id !== original && c.name);
  if (!other?.name) throw new Error('the demo has no other customer named Horvat');

  const page = await signedInPage('agent1@parley.demo');
  const view = new ConversationView(page);
  await view.open(parley.url, conversation.id);
  const card = new CustomerCardPanel(page);
  await card.show();
  await expect
    .poll(() => card.fields(), LIVE)
    .toEqual([
      { name: 'Customer tier', editable: false },
      { name: 'Account number', editable: false },
      { name: 'Preferred language', editable: true },
    ]);
  await card.seeMore();
  expect(await card.fields()).toEqual([
    { name: 'Customer tier', editable: false },
    { name: 'Account number', editable: false },
    { name: 'Preferred language', editable: true },
    { name: 'VIP', editable: false },
    { name: 'Plan', editable: false },
  ]);

  // The editable field changes in place; the view-only ones offer no editing, and the server refuses them too.
  await card.chooseValue('Preferred language', 'Dutch');
  await expect
    .poll(() => card.field('Preferred language').getByTestId('field-value').textContent(), LIVE)
    .toBe('Dutch');
  const stored = await expectStatus(
    agent.request<CustomerBody>('GET', `/api/customers/${original}`),
    200,
    'profile',
  );
  expect(stored.attributes['Preferred language']).toBe('Dutch');
  for (const name of ['Customer tier', 'Account number', 'VIP', 'Plan']) {
    expect(
      await card
        .field(name)
        .getByRole('button', { name: `Edit ${name}` })
        .count(),
      name,
    ).toBe(0);
  }
  const refused = await agent.request<{ error: { code: string } }>('PATCH', `/api/customers/${original}`, {
    attributes: { VIP: !stored.attributes.VIP },
  });
  expect([refused.status, refused.body.error.code]).toEqual([403, 'attribute_not_editable']);

  // Unlink from the wrong customer, link to the right one.
  await card.unlink();
  await card.linkTo('horvat', other.name);
  await card.card().getByText(other.name, { exact: true }).first().waitFor();

  const profile = new CustomerProfile(page);
  await profile.open(parley.url, other.id);
  await expect.poll(() => profile.conversationIds(), LIVE).toContain(conversation.id);
  await profile.open(parley.url, original);
  expect(await profile.conversationIds()).not.toContain(conversation.id);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { registryTemplate } from '../apps/server/src/channels/infobip/simulated-registry.ts';
import { ConversationView } from './pages/conversation.ts';
import { ReplyRules } from './pages/reply-rules.ts';
import { type ApiSession, expectStatus, waitUntil } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import {
  connectInfobip,
  createFirstAdmin,
  createUser,
  customerWrites,
  signedInPage as openSignedIn,
  type Webhook,
} from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// Issue 7's channel rules (D7): a WhatsApp conversation whose customer wrote more than 24 hours ago
// refuses free text and goes on with an approved template whose placeholders the agent fills; a
// Messenger reply after 24 hours carries the message tag the agent chose. What the fake Infobip
// received is checked, and what the agent sees in the timeline.

const PASSWORD = 'a long enough password';
const WHATSAPP = '447700900501';
const MESSENGER = '110000000000501';
const LIVE = { timeout: 15_000, interval: 100 };
const DAY_AND_MORE = 26 * 60 * 60 * 1000;

let parley: RunningParley;
let browser: Browser;
let fake: FakeInfobip;
let supervisor: ApiSession;
let agent: ApiSession;
const webhooks: Record<string, Webhook> = {};

const ORDER_UPDATE = registryTemplate({
  id: '7001',
  name: 'order_update',
  language: 'en',
  category: 'UTILITY',
  structure: {
    header: { format: 'TEXT', text: 'Order {{1}}' },
    body: { text: 'Hi {{1}}, your order {{2}} has shipped and arrives {{3}}.' },
    footer: { text: 'Parley Shop' },
    buttons: [{ type: 'URL', text: 'Track parcel', url: 'https://shop.example/track/{{1}}' }],
    type: 'TEXT',
  },
});

interface ListItem {
  id: string;
  customer: { address: string | null };
}

/** A customer wrote more than a day ago (Infobip's receivedAt); the conversation, assigned to the agent. */
async function oldConversation(channel: 'WHATSAPP' | 'FACEBOOK_MESSENGER', from: string): Promise<string> {
  const to = channel === 'WHATSAPP' ? WHATSAPP : MESSENGER;
  await customerWrites(fake, webhooks[channel] as Webhook, {
    from,
    to,
    text: 'Where is my order?',
    channel: channel === 'WHATSAPP' ? 'WHATSAPP' : 'MESSENGER',
    receivedAt: new Date(Date.now() - DAY_AND_MORE),
  });
  const id = await waitUntil(async () => {
    const { body } = await supervisor.request<{ items: ListItem[] }>('GET', '/api/conversations?limit=100');
    return body.items.find((c) => c.customer.address === from)?.id;
  }, `the ${channel} conversation`);
  await expectStatus(
    supervisor.request('POST', `/api/conversations/${id}/assign`, { userId: agent.userId }),
    200,
    'assign to the agent',
  );
  return id;
}

const sendsTo = (customer: string) =>
  fake.received
    .flatMap((send) => send.body.messages)
    .filter((m) => (m.destinations as Array<{ to: string }>).some((d) => d.to === customer));

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  fake.setTemplates(WHATSAPP, [
    ORDER_UPDATE,
    registryTemplate({ id: '7002', name: 'spring_sale', status: 'PENDING' }),
  ]);
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  const user = (email: string, displayName: string, roles: string[]) =>
    createUser(admin, parley.url, { email, displayName, roles, password: PASSWORD });
  supervisor = await user('sam@example.com', 'Sam Supervisor', ['supervisor']);
  agent = await user('alice@example.com', 'Alice Walker', ['agent']);
  webhooks.WHATSAPP = await connectInfobip(admin, fake, 'WHATSAPP', WHATSAPP);
  webhooks.FACEBOOK_MESSENGER = await connectInfobip(admin, fake, 'FACEBOOK_MESSENGER', MESSENGER);
  // "Sync now", as a supervisor would after registering a template.
  await expectStatus(
    supervisor.request('POST', '/api/whatsapp-templates/sync', {}),
    200,
    'sync the registry',
  );
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
  await fake?.close();
});

test('a WhatsApp conversation older than 24 hours refuses free text and sends a filled template', {
  timeout: 180_000,
}, async () => {
  const customer = '385912000701';
  const id = await oldConversation('WHATSAPP', customer);

  // The server refuses free text whatever the screen offers.
  const refused = await agent.request<{ error: { code: string } }>(
    'POST',
    `/api/conversations/${id}/messages`,
    {
      clientId: crypto.randomUUID(),
      text: 'Your order shipped',
    },
  );
  expect([refused.status, refused.body.error.code]).toEqual([422, 'whatsapp_window_closed']);

  const page = await openSignedIn(browser, parley.url, 'alice@example.com', PASSWORD);
  const view = new ConversationView(page);
  await view.open(parley.url, id);
  const rules = new ReplyRules(page);
  await expect.poll(() => rules.windowNotice().getAttribute('data-state'), LIVE).toBe('TEMPLATE_ONLY');
  expect(await rules.windowNotice().textContent()).toContain('approved template');
  // Outside the window only the template picker is offered, not the text box.
  await rules.templateForm().waitFor();
  expect(await view.view().getByTestId('composer-input').count()).toBe(0);

  await rules.chooseTemplate('order_update · en');
  await rules.fillPlaceholder('header.1', 'A-42');
  await rules.fillPlaceholder('body.1', 'Ana');
  await rules.fillPlaceholder('body.2', 'A-42');
  await expect
    .poll(() => rules.preview().textContent())
    .toContain('Hi Ana, your order A-42 has shipped and arrives {{3}}.');
  await rules.fillPlaceholder('body.3', 'on Monday');
  await rules.fillPlaceholder('button.0', 'A-42');
  await rules.sendTemplate();

  const sent = view.messages().last();
  await expect
    .poll(() => sent.getByTestId('template-message').textContent(), LIVE)
    .toContain('Hi Ana, your order A-42 has shipped and arrives on Monday.');
  expect(await sent.textContent()).toContain('Order A-42');
  expect(await sent.textContent()).toContain('Track parcel');
  await expect.poll(() => sendsTo(customer).length, LIVE).toBe(1);
  expect(sendsTo(customer)[0]).toMatchObject({
    channel: 'WHATSAPP',
    sender: WHATSAPP,
    template: { templateName: 'order_update', language: 'en' },
    content: {
      header: { type: 'TEXT', 1: 'A-42' },
      body: { type: 'TEXT', 1: 'Ana', 2: 'A-42', 3: 'on Monday' },
      buttons: [{ type: 'OPEN_URL', suffix: 'A-42' }],
    },
  });
  await expect.poll(() => sent.getAttribute('data-delivery-state'), LIVE).toBe('SENT');
});

test('a Messenger reply after 24 hours carries the tag the agent chose, shown under the message', {
  timeout: 180_000,
}, async () => {
  const customer = '4394903220500701';
  const id = await oldConversation('FACEBOOK_MESSENGER', customer);
  const page = await openSignedIn(browser, parley.url, 'alice@example.com', PASSWORD);
  const view = new ConversationView(page);
  await view.open(parley.url, id);
  const rules = new ReplyRules(page);
  await expect.poll(() => rules.windowNotice().getAttribute('data-state'), LIVE).toBe('TAG_REQUIRED');

  const input = view.view().getByTestId('composer-input');
  await input.fill('Your parcel is with the courier and arrives tomorrow.');
  // Without a tag the reply cannot go.
  expect(await rules.sendButton().isDisabled()).toBe(true);
  await rules.chooseTag('Post-purchase update');
  await rules.sendButton().click();

  const sent = view.messages().last();
  await expect
    .poll(() => sent.getByTestId('messenger-tag-line').textContent(), LIVE)
    .toBe('Message tag: Post-purchase update');
  await expect.poll(() => sendsTo(customer).length, LIVE).toBe(1);
  expect(sendsTo(customer)[0]).toMatchObject({
    channel: 'MESSENGER',
    content: {
      body: {
        type: 'TEXT',
        text: 'Your parcel is with the courier and arrives tomorrow.',
        tag: 'POST_PURCHASE_UPDATE',
      },
    },
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeInfobip, startFakeInfobip } from '../apps/server/src/channels/infobip/fake-provider.ts';
import { ConversationView } from './pages/conversation.ts';
import { OmnichannelControls } from './pages/omnichannel.ts';
import { type ApiSession, expectStatus } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import {
  connectInfobip,
  createFirstAdmin,
  createUser,
  customerWrites,
  signedInPage,
  type Webhook,
} from './support/desk.ts';
import { type RunningParley, startParley } from './support/parley.ts';

// Issue 7's omnichannel journey (D2): a customer writes on WhatsApp and then by SMS, which makes two
// conversations; the agent merges the WhatsApp one into the SMS one from the conversation view, sees
// both channels' messages in one timeline under the omnichannel mark, then changes the reply channel
// to WhatsApp and the fake Infobip receives the reply on WhatsApp.

const PASSWORD = 'a long enough password';
const SMS_SENDER = '447700900500';
const WA_SENDER = '447700900600';
const PHONE = '385911112223';
const LIVE = { timeout: 15_000, interval: 100 };

let parley: RunningParley;
let browser: Browser;
let fake: FakeInfobip;
let supervisor: ApiSession;
let agent: ApiSession;
let sms: Webhook;
let whatsapp: Webhook;

interface ListItem {
  id: string;
  number: number;
  channels: string[];
}

beforeAll(async () => {
  [parley, browser, fake] = await Promise.all([startParley(), launchBrowser(), startFakeInfobip()]);
  const admin = await createFirstAdmin(parley.url, PASSWORD);
  const user = (email: string, displayName: string, roles: string[]) =>
    createUser(admin, parley.url, { email, displayName, roles, password: PASSWORD });
  supervisor = await user('sam@example.com', 'Sam Supervisor', ['supervisor', 'agent']);
  agent = await user('alice@example.com', 'Alice Agent', ['agent']);
  sms = await connectInfobip(admin, fake, 'SMS', SMS_SENDER);
  whatsapp = await connectInfobip(admin, fake, 'WHATSAPP', WA_SENDER);
  await expectStatus(
    supervisor.request('POST', '/api/customers', {
      name: 'Nora Omni',
      destinations: [
        { channel: 'SMS', address: PHONE },
        { channel: 'WHATSAPP', address: PHONE },
      ],
    }),
    201,
    'create the customer',
  );
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
  await parley?.stop();
});

/** Waits until the customer's conversation on `channel` exists. */
async function conversationOn(channel: string): Promise<ListItem> {
  let found: ListItem | undefined;
  await expect
    .poll(async () => {
      const { body } = await supervisor.request<{ items: ListItem[] }>('GET', '/api/conversations?limit=100');
      found = body.items.find((c) => c.channels.length === 1 && c.channels[0] === channel);
      return found;
    }, LIVE)
    .toBeDefined();
  return found as ListItem;
}

test('two conversations of a customer are merged, and the agent replies on the other channel', async () => {
  await customerWrites(fake, whatsapp, {
    from: PHONE,
    to: WA_SENDER,
    text: 'Hi, WhatsApp here',
    channel: 'WHATSAPP',
  });
  const onWhatsApp = await conversationOn('WHATSAPP');
  await customerWrites(fake, sms, { from: PHONE, to: SMS_SENDER, text: 'And an SMS too', channel: 'SMS' });
  const bySms = await conversationOn('SMS');
  await expectStatus(
    supervisor.request('POST', `/api/conversations/${bySms.id}/assign`, { userId: agent.userId }),
    200,
    'assign the SMS conversation to Alice',
  );

  // The supervisor watches both conversations: their open views follow the merge live.
  const supervisorPage = await signedInPage(browser, parley.url, 'sam@example.com', PASSWORD);
  const watching = new ConversationView(supervisorPage);
  await watching.open(parley.url, bySms.id);
  const sourcePage = await signedInPage(browser, parley.url, 'sam@example.com', PASSWORD);
  const watchingSource = new ConversationView(sourcePage);
  await watchingSource.open(parley.url, onWhatsApp.id);

  const page = await signedInPage(browser, parley.url, 'alice@example.com', PASSWORD);
  const view = new ConversationView(page);
  const omni = new OmnichannelControls(page);
  await view.open(parley.url, bySms.id);
  await expect.poll(() => view.inboundMessages().count(), LIVE).toBe(1);
  await expect.poll(() => omni.omnichannelBadge().count()).toBe(0);

  await omni.merge([onWhatsApp.id]);
  await expect.poll(() => watching.inboundMessages().count(), LIVE).toBe(2);
  await new OmnichannelControls(supervisorPage).omnichannelBadge().waitFor();
  await expect.poll(() => watchingSource.status(), LIVE).toBe('CLOSED');
  await sourcePage.locator('[data-testid="merge-link"]').waitFor();

  // One timeline with both channels' messages, under the omnichannel mark.
  await expect
    .poll(() => view.inboundMessages().allInnerTexts(), LIVE)
    .toEqual([expect.stringContaining('Hi, WhatsApp here'), expect.stringContaining('And an SMS too')]);
  await omni.omnichannelBadge().waitFor();
  await page.locator('[data-testid="timeline-log"][data-log-kind="merge"]').waitFor();
  const source = await supervisor.request<{ status: string }>('GET', `/api/conversations/${onWhatsApp.id}`);
  expect(source.body.status).toBe('CLOSED');

  // The reply goes where the customer last wrote (SMS) until the agent changes the channel.
  await expect.poll(() => omni.replyRoute().getAttribute('data-channel'), LIVE).toBe('SMS');
  await omni.changeChannel('WHATSAPP');
  await expect.poll(() => omni.replyRoute().getAttribute('data-channel')).toBe('WHATSAPP');
  await view.reply('Replying on WhatsApp');
  await expect
    .poll(
      () =>
        fake.received.flatMap((send) =>
          send.body.messages.map((m) => ({
            channel: m.channel,
            sender: m.sender,
            to: (m.destinations as { to: string }[])[0]?.to,
            text: (m.content as { body: { text?: string } }).body.text,
          })),
        ),
      LIVE,
    )
    .toContainEqual({ channel: 'WHATSAPP', sender: WA_SENDER, to: PHONE, text: 'Replying on WhatsApp' });
});
